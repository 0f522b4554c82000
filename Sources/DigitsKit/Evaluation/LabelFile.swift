import Foundation

/// The expected readings for `digits predict --labels FILE` and the web app's Upload page: CSV rows `file,value` as in the
/// student report's true_labels.txt, with or without a header row. `value` is the digit string
/// the image should read as ("7", "4071"); `file` is matched against the image's file name.
public struct LabelFile: Equatable, Sendable {
    public var values: [String: String]
    /// The files in the order the rows list them.
    public var files: [String]

    public init(text: String, source: String = "labels") throws(LabelFileError) {
        values = [:]
        files = []
        var firstRow = true
        for row in try Self.rows(text: text, source: source) {
            let isDigits = !row.value.isEmpty && row.value.allSatisfy { $0.isASCII && $0.isNumber }
            defer { firstRow = false }
            if firstRow && !isDigits { continue }  // the header row
            guard !row.file.isEmpty else { throw .badRow(source, line: row.line, reason: "the file name is empty") }
            guard isDigits else { throw .badRow(source, line: row.line, reason: "'\(row.value)' is not a digit string") }
            guard values[row.file] == nil else { throw .badRow(source, line: row.line, reason: "'\(row.file)' is listed twice") }
            values[row.file] = row.value
            files.append(row.file)
        }
        guard !values.isEmpty else { throw .empty(source) }
    }

    /// The non-empty rows of a two-column CSV (`file,value`, `file,kind`), fields trimmed of
    /// spaces and quotes, with their 1-based line numbers; a header row is returned too.
    static func rows(text: String, source: String) throws(LabelFileError) -> [(line: Int, file: String, value: String)] {
        var rows: [(line: Int, file: String, value: String)] = []
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (offset, rawLine) in lines.enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: "\""))) }
            guard fields.count == 2 else {
                throw .badRow(source, line: offset + 1, reason: "expected 2 fields (file,value), found \(fields.count)")
            }
            rows.append((offset + 1, fields[0], fields[1]))
        }
        return rows
    }

    /// The file's text, or `cannotRead`.
    static func text(of url: URL) throws(LabelFileError) -> String {
        do {
            return String(decoding: try Data(contentsOf: url), as: UTF8.self)
        } catch {
            throw .cannotRead(url.path, reason: error.localizedDescription)
        }
    }

    public init(contentsOf url: URL) throws(LabelFileError) {
        try self.init(text: try Self.text(of: url), source: url.path)
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
