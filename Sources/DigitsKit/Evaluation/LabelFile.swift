import Foundation

/// The expected readings for `digits predict --labels FILE` and the web app's Upload page: CSV rows `file,value` as in the
/// student report's true_labels.txt, with or without a header row. `value` is the digit string
/// the image should read as ("7", "4071"); `file` is matched against the image's file name.
public struct LabelFile: Equatable, Sendable {
    public var values: [String: String]

    public init(text: String, source: String = "labels") throws(LabelFileError) {
        values = [:]
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        var firstRow = true
        for (offset, rawLine) in lines.enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            let number = offset + 1
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: "\""))) }
            guard fields.count == 2 else {
                throw .badRow(source, line: number, reason: "expected 2 fields (file,value), found \(fields.count)")
            }
            let (file, value) = (fields[0], fields[1])
            let isDigits = !value.isEmpty && value.allSatisfy { $0.isASCII && $0.isNumber }
            defer { firstRow = false }
            if firstRow && !isDigits { continue }  // the header row
            guard !file.isEmpty else { throw .badRow(source, line: number, reason: "the file name is empty") }
            guard isDigits else { throw .badRow(source, line: number, reason: "'\(value)' is not a digit string") }
            guard values[file] == nil else { throw .badRow(source, line: number, reason: "'\(file)' is listed twice") }
            values[file] = value
        }
        guard !values.isEmpty else { throw .empty(source) }
    }

    public init(contentsOf url: URL) throws {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw LabelFileError.cannotRead(url.path, reason: error.localizedDescription)
        }
        try self.init(text: String(decoding: data, as: UTF8.self), source: url.path)
    }

    /// The expected value for an image path: by file name, then by the path as given.
    public func value(for path: String) -> String? {
        values[URL(fileURLWithPath: path).lastPathComponent] ?? values[path]
    }
}

public enum LabelFileError: Error, Equatable, CustomStringConvertible, Sendable {
    case cannotRead(String, reason: String)
    case badRow(String, line: Int, reason: String)
    case empty(String)

    public var description: String {
        switch self {
        case let .cannotRead(path, reason): return "cannot read the labels file \(path): \(reason)"
        case let .badRow(path, line, reason): return "\(path), line \(line): \(reason)"
        case let .empty(path): return "\(path) holds no labels (expected rows file,value)"
        }
    }
}
