import Testing
@testable import DigitsKit

@Suite struct DatasetTests {
    @Test func rejectsPixelsThatDoNotMatchLabels() {
        #expect(throws: DatasetError.shapeMismatch(pixelCount: 10, labelCount: 1)) {
            try Dataset(pixels: [UInt8](repeating: 0, count: 10), labels: [1])
        }
    }

    @Test func rejectsLabelsOutsideZeroToNine() {
        #expect(throws: DatasetError.labelOutOfRange(index: 1, value: 10)) {
            try Dataset(pixels: [UInt8](repeating: 0, count: 784 * 2), labels: [3, 10])
        }
    }

    @Test func subsetKeepsImagesWithTheirLabels() throws {
        var pixels = [UInt8](repeating: 0, count: 784 * 3)
        for i in 0..<3 { pixels[i * 784] = UInt8(i + 1) }
        let set = try Dataset(pixels: pixels, labels: [7, 8, 9])
        let picked = set.subset([2, 0])
        #expect(picked.labels == [9, 7])
        #expect(picked.image(0).first == 3)
        #expect(picked.image(1).first == 1)
        #expect(set.classCounts() == [0, 0, 0, 0, 0, 0, 0, 1, 1, 1])
    }
}
