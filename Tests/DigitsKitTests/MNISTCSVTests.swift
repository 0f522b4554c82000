import Testing
@testable import DigitsKit

@Suite struct MNISTCSVTests {
    private func row(_ values: [Int]) -> String { values.map(String.init).joined(separator: ",") }
    private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
    private let zeros = [Int](repeating: 0, count: 784)

    @Test func parsesRowsWithLFAndCRLFAndBlanks() throws {
        var first = zeros, second = zeros
        first[0] = 255; first[783] = 1; second[400] = 17
        let text = row(first) + "\r\n" + row(second).replacingOccurrences(of: "17", with: " 17 ") + "\n\n"
        let pixels = try MNISTCSV.images(from: bytes(text), file: "f.csv")
        #expect(pixels.count == 2 * 784)
        #expect(pixels[0] == 255 && pixels[783] == 1 && pixels[784 + 400] == 17)
        #expect(try MNISTCSV.labels(from: bytes("3\r\n7\r\n0"), file: "l.csv") == [3, 7, 0])
    }

    @Test func emptyFile() {
        #expect(throws: MNISTDataError.emptyFile(file: "f.csv")) { try MNISTCSV.images(from: bytes(" \n\r\n"), file: "f.csv") }
    }

    @Test func rowWithTooFewOrTooManyColumns() {
        let short = row(zeros) + "\n" + row(Array(zeros.dropLast())) + "\n"
        #expect(throws: MNISTDataError.csvColumnCount(file: "f.csv", line: 2, found: 783, expected: 784)) {
            try MNISTCSV.images(from: bytes(short), file: "f.csv")
        }
        #expect(throws: MNISTDataError.csvColumnCount(file: "f.csv", line: 1, found: 785, expected: 784)) {
            try MNISTCSV.images(from: bytes(row(zeros + [0])), file: "f.csv")
        }
        #expect(throws: MNISTDataError.csvColumnCount(file: "l.csv", line: 2, found: 0, expected: 1)) {
            try MNISTCSV.labels(from: bytes("1\n\n2\n"), file: "l.csv")
        }
    }

    @Test func nonNumericCell() {
        var cells = zeros.map(String.init)
        cells[4] = "12a"
        #expect(throws: MNISTDataError.csvNotANumber(file: "f.csv", line: 1, column: 5, text: "12a")) {
            try MNISTCSV.images(from: bytes(cells.joined(separator: ",")), file: "f.csv")
        }
        #expect(throws: MNISTDataError.csvNotANumber(file: "l.csv", line: 2, column: 1, text: "-1")) {
            try MNISTCSV.labels(from: bytes("1\n-1\n"), file: "l.csv")
        }
        #expect(throws: MNISTDataError.csvNotANumber(file: "l.csv", line: 1, column: 2, text: "")) {
            try MNISTCSV.labels(from: bytes("1,"), file: "l.csv")
        }
    }

    @Test func valuesOutOfRange() {
        var values = zeros
        values[9] = 256
        let error = MNISTDataError.csvValueOutOfRange(file: "f.csv", line: 1, column: 10, value: 256, maximum: 255)
        #expect(throws: error) { try MNISTCSV.images(from: bytes(row(values)), file: "f.csv") }
        #expect(throws: MNISTDataError.csvValueOutOfRange(file: "l.csv", line: 3, column: 1, value: 12, maximum: 9)) {
            try MNISTCSV.labels(from: bytes("1\n2\n12\n"), file: "l.csv")
        }
        #expect(error.description == "f.csv: line 1, column 10: 256 is outside 0–255")
    }
}
