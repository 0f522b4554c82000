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

    /// Reads the two CSV files of `folder` (labels.csv as `digits predict --labels` does).
    /// Pictures without a kind are of kind "unknown".
    public init(folder: URL) throws(LabelFileError) {
        self.folder = folder
        let labels = try LabelFile(contentsOf: folder.appendingPathComponent("labels.csv"))
        let kindsURL = folder.appendingPathComponent("kinds.csv")
        var kinds: [String: String] = [:]
        if FileManager.default.fileExists(atPath: kindsURL.path) {
            // After the header row `file,kind`.
            for row in try LabelFile.rows(text: try LabelFile.text(of: kindsURL), source: kindsURL.path).dropFirst() where kinds[row.file] == nil {
                kinds[row.file] = row.value
            }
        }
        entries = labels.files.map { Entry(file: $0, value: labels.values[$0] ?? "", kind: kinds[$0] ?? "unknown") }
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
