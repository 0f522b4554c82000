/// Why an MNIST file or folder could not be read. Every message names the file and the problem,
/// so a user can fix the file or fetch a fresh copy.
public enum MNISTDataError: Error, Equatable, CustomStringConvertible {
    /// None of the accepted names for a file exists in the folder.
    case missingFile(folder: String, tried: [String])
    case unreadable(file: String, reason: String)
    case emptyFile(file: String)
    case tooLarge(file: String, limit: Int)
    case gzip(file: String, GzipError)
    case wrongMagic(file: String, found: UInt32, expected: UInt32)
    case truncated(file: String, expectedBytes: Int, actualBytes: Int)
    case trailingBytes(file: String, count: Int)
    case wrongDimensions(file: String, found: [Int], expected: String)
    case labelOutOfRange(file: String, index: Int, value: Int)
    case countMismatch(images: String, imageCount: Int, labels: String, labelCount: Int)
    case csvColumnCount(file: String, line: Int, found: Int, expected: Int)
    case csvNotANumber(file: String, line: Int, column: Int, text: String)
    case csvValueOutOfRange(file: String, line: Int, column: Int, value: Int, maximum: Int)
    /// No candidate data folder holds MNIST; `searched` lists the folders looked at.
    case noDataFolder(searched: [String])

    static let fetchHint = "run `digits data download` or pass --data DIR"

    public var description: String {
        switch self {
        case let .missingFile(folder, tried):
            return "\(folder): no MNIST file named \(tried.joined(separator: " or ")); \(Self.fetchHint)"
        case let .unreadable(file, reason):
            return "\(file): cannot read: \(reason)"
        case let .emptyFile(file):
            return "\(file): file is empty"
        case let .tooLarge(file, limit):
            return "\(file): larger than \(limit >> 20) MiB, which no MNIST file is"
        case let .gzip(file, error):
            return "\(file): \(error)"
        case let .wrongMagic(file, found, expected):
            return "\(file): magic number \(hex(found)) is not \(hex(expected)); not an IDX \(expected == IDX.imageMagic ? "image" : "label") file"
        case let .truncated(file, expected, actual):
            return "\(file): truncated: needs \(expected) bytes, has \(actual)"
        case let .trailingBytes(file, count):
            return "\(file): \(count) unexpected bytes after the data"
        case let .wrongDimensions(file, found, expected):
            return "\(file): dimensions \(found.map(String.init).joined(separator: "×")) are not \(expected)"
        case let .labelOutOfRange(file, index, value):
            return "\(file): label \(value) at index \(index) is outside 0–9"
        case let .countMismatch(images, imageCount, labels, labelCount):
            return "\(images) holds \(imageCount) images but \(labels) holds \(labelCount) labels"
        case let .csvColumnCount(file, line, found, expected):
            return "\(file): line \(line) has \(found) columns, expected \(expected)"
        case let .csvNotANumber(file, line, column, text):
            let shown = text.isEmpty ? "an empty cell" : "\"\(text)\""
            return "\(file): line \(line), column \(column): \(shown) is not a whole number"
        case let .csvValueOutOfRange(file, line, column, value, maximum):
            return "\(file): line \(line), column \(column): \(value) is outside 0–\(maximum)"
        case let .noDataFolder(searched):
            return "no MNIST data found (looked in \(searched.joined(separator: ", "))); \(Self.fetchHint)"
        }
    }

    private func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return "0x" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }
}
