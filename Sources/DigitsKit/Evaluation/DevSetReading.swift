import Foundation

/// A labelled folder of pictures — the development set `digits devset generate` writes, or any
/// folder with a `labels.csv` (`file,value`) and optionally a `kinds.csv` (`file,kind`) — read
/// through the decoder, the extractor and a model, and scored per kind and per digit.
public struct DevSetReading {
    public struct Entry: Sendable, Equatable {
        public let file: String
        public let value: String
        public let kind: String
    }

    public let folder: URL
    public let entries: [Entry]

    /// Reads the two CSV files of `folder`. Pictures without a kind are of kind "unknown".
    public init(folder: URL) throws(DevSetError) {
        self.folder = folder
        let labels = try Self.rows(folder.appendingPathComponent("labels.csv"), required: true)
        let kinds = Dictionary(try Self.rows(folder.appendingPathComponent("kinds.csv"), required: false),
                               uniquingKeysWith: { first, _ in first })
        var entries: [Entry] = []
        for (file, value) in labels {
            guard !value.isEmpty, value.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw .badLabel(file: file, value: value)
            }
            entries.append(Entry(file: file, value: value, kind: kinds[file] ?? "unknown"))
        }
        guard !entries.isEmpty else { throw .empty(folder.path) }
        self.entries = entries
    }

    /// `file,value` rows after the header row.
    private static func rows(_ url: URL, required: Bool) throws(DevSetError) -> [(String, String)] {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            if required { throw .cannotRead(url.path) }
            return []
        }
        return String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).dropFirst().compactMap { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            return fields.count == 2 ? (fields[0], fields[1]) : nil
        }
    }

    /// Reads every picture with `pipeline`: single-digit pictures in single mode (as
    /// `digits predict --single` does), strings in multi mode. `onMiss` sees each misread.
    public func score(pipeline: Pipeline, options: DigitExtractor.Options = .init(),
                      onMiss: (Entry, ImageReading?) -> Void = { _, _ in }) throws -> DevSetScore {
        var score = DevSetScore()
        var single = options, multi = options
        single.mode = .single
        multi.mode = .multi
        let decoder = ImageDecoder(reduceToLongestSide: options.workingSize)
        for entry in entries {
            let reading: ImageReading?
            do {
                let image = try decoder.decode(contentsOf: folder.appendingPathComponent(entry.file))
                reading = try pipeline.read(image, with: DigitExtractor(options: entry.value.count == 1 ? single : multi))
            } catch is ImageDecodingError {
                reading = nil  // an unreadable picture reads as nothing: every digit missed
            }
            let text = reading?.text.filter(\.isNumber) ?? ""
            score.add(kind: entry.kind, expected: entry.value, read: text)
            if text != entry.value { onMiss(entry, reading) }
        }
        return score
    }
}

public enum DevSetError: Error, Equatable, CustomStringConvertible {
    case cannotRead(String)
    case badLabel(file: String, value: String)
    case empty(String)

    public var description: String {
        switch self {
        case let .cannotRead(path): return "cannot read \(path): a development set folder needs labels.csv (file,value)"
        case let .badLabel(file, value): return "labels.csv: '\(value)' for \(file) is not a digit string"
        case let .empty(path): return "\(path)/labels.csv lists no pictures"
        }
    }
}
