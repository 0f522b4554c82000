import Testing
@testable import DigitsKit

@Suite struct IDXTests {
    @Test func readsImagesAndLabels() throws {
        let pixels = try IDX.images(from: DataFixtures.imageFile(count: 2), file: "i")
        #expect(pixels.count == 2 * 784)
        #expect(try IDX.labels(from: DataFixtures.labelFile([0, 9, 4]), file: "l") == [0, 9, 4])
    }

    @Test func emptyFile() {
        #expect(throws: MNISTDataError.emptyFile(file: "x")) { try IDX.images(from: [], file: "x") }
    }

    @Test func wrongMagic() {
        #expect(throws: MNISTDataError.wrongMagic(file: "x", found: IDX.labelMagic, expected: IDX.imageMagic)) {
            try IDX.images(from: DataFixtures.labelFile([1]), file: "x")
        }
        #expect(throws: MNISTDataError.wrongMagic(file: "x", found: 0x0000_0c03, expected: IDX.imageMagic)) {
            try IDX.images(from: DataFixtures.imageFile(count: 1, magic: 0x0000_0c03), file: "x")
        }
    }

    @Test func truncatedHeader() {
        let bytes = Array(DataFixtures.imageFile(count: 1).prefix(10))
        #expect(throws: MNISTDataError.truncated(file: "x", expectedBytes: 16, actualBytes: 10)) {
            try IDX.images(from: bytes, file: "x")
        }
    }

    @Test func truncatedImageBlock() {
        let bytes = DataFixtures.imageFile(count: 3, dataBytes: 2 * 784 + 5)
        #expect(throws: MNISTDataError.truncated(file: "x", expectedBytes: 16 + 3 * 784, actualBytes: bytes.count)) {
            try IDX.images(from: bytes, file: "x")
        }
    }

    @Test func countLargerThanMemoryIsTruncatedNotACrash() {
        let bytes = DataFixtures.imageFile(count: Int(UInt32.max), dataBytes: 784)
        #expect(throws: MNISTDataError.self) { try IDX.images(from: bytes, file: "x") }
    }

    @Test func trailingBytes() {
        #expect(throws: MNISTDataError.trailingBytes(file: "x", count: 3)) {
            try IDX.images(from: DataFixtures.imageFile(count: 1, dataBytes: 787), file: "x")
        }
    }

    @Test func wrongDimensions() {
        #expect(throws: MNISTDataError.wrongDimensions(file: "x", found: [1, 32, 32], expected: "N×28×28")) {
            try IDX.images(from: DataFixtures.imageFile(count: 1, rows: 32, columns: 32), file: "x")
        }
    }

    @Test func labelOutsideZeroToNine() {
        let error = MNISTDataError.labelOutOfRange(file: "t10k-labels-idx1-ubyte.gz", index: 3, value: 12)
        #expect(throws: error) { try IDX.labels(from: DataFixtures.labelFile([1, 2, 3, 12]), file: "t10k-labels-idx1-ubyte.gz") }
        #expect(error.description == "t10k-labels-idx1-ubyte.gz: label 12 at index 3 is outside 0–9")
    }

    @Test func messagesNameTheFile() {
        let error = MNISTDataError.wrongMagic(file: "train-images-idx3-ubyte", found: 0x0801, expected: IDX.imageMagic)
        #expect(error.description.hasPrefix("train-images-idx3-ubyte: magic number 0x00000801"))
    }
}
