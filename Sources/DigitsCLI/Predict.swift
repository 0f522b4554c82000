import ArgumentParser
import DigitsKit
import Foundation

/// `digits predict IMAGE|FOLDER...`: read the digits in photos, scans and drawings.
struct Predict: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read the handwritten digits in images (\(ImageFormat.allCases.map(\.rawValue).joined(separator: ", "))).",
        discussion: """
            Each image goes through the digit extractor (lighting, threshold, components, MNIST-style \
            28×28 crops) and the model. --json prints one JSON object per image and per line (JSON Lines): \
            {"file", "text", "digits": [{"digit", "confidence", "probabilities", "box": [x, y, w, h]}], "warnings"}; \
            an image that cannot be read gives {"file", "error"}. The exit status is 0 when at least one \
            image was read.
            """)

    @Option(help: ArgumentHelp("The model file; default \(DefaultModel.relativePath) in this folder or the repository.", valueName: "FILE"))
    var model: String?

    @Argument(help: ArgumentHelp("Images, or folders whose images are read (not recursively).", valueName: "IMAGE|FOLDER"))
    var inputs: [String]

    @Flag(help: "--single: each image is one digit (the largest wins); --multi: any number of digits, in lines.")
    var mode: DigitExtractor.Mode = .multi

    @Option(help: ArgumentHelp("Write a PNG strip of every step per image into this folder.", valueName: "DIR"))
    var debug: String?

    @Option(help: ArgumentHelp("CSV of file,value rows: adds accuracy, confusion matrix and misses.", valueName: "FILE"))
    var labels: String?

    @Flag(help: "Print JSON Lines instead of the human report.")
    var json = false

    @Flag(help: "Deskew each digit by its second moments before classifying.")
    var deskew = false

    @Flag(help: "Print decode, extraction and classification times per image on standard error.")
    var timings = false

    func run() async throws {
        let expected = try labels.map { try LabelFile(contentsOf: URL(fileURLWithPath: $0)) }
        let modelURL = try model.map { URL(fileURLWithPath: $0) } ?? DefaultModel.locate()
        let saved = try ModelFile.load(from: modelURL)
        // Pictures are classified a few digits at a time: one BLAS thread answers fastest.
        if Digits.ownsProcess { BLASThreads.useCallingThreadOnly() }
        let files = try Self.imageFiles(inputs)
        var options = DigitExtractor.Options(mode: mode)
        options.deskew = deskew
        let extractor = DigitExtractor(options: options)
        // Big JPEGs decode straight at a reduced size that still covers the working size.
        let decoder = ImageDecoder(reduceToLongestSide: options.workingSize)
        var tally = LabelTally()
        var readCount = 0
        for file in files {
            let image: RasterImage
            let reading: ImageReading
            do {
                let start = DispatchTime.now()
                image = try decoder.decode(contentsOf: URL(fileURLWithPath: file))
                let decoded = DispatchTime.now()
                reading = try saved.pipeline.read(image, with: extractor)
                if timings {
                    let (decodeMs, readMs) = (Self.milliseconds(start, decoded), Self.milliseconds(decoded, DispatchTime.now()))
                    printError(String(format: "%@: %d×%d decoded in %.1f ms, extracted and classified in %.1f ms",
                                      file, image.width, image.height, decodeMs, readMs))
                }
            } catch {
                if json { try printJSON(PredictionJSON.failure(file: file, error: "\(error)")) } else { printError("\(file): \(error)") }
                continue
            }
            readCount += 1
            if let debug {
                let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent + ".steps.png"
                try DebugStrip.render(original: image, extraction: reading.extraction)
                    .writePNG(to: URL(fileURLWithPath: debug).appendingPathComponent(name))
            }
            if let value = expected?.value(for: file) { tally.add(file: file, expected: value, read: reading) }
            if json { try printJSON(PredictionJSON(file: file, reading: reading)) } else { Self.printHuman(file: file, reading: reading) }
        }
        if expected != nil {
            tally.report(unlabelled: files.count - tally.count, json: json)
        }
        guard readCount > 0 else { throw ExitCode.failure }
    }

    static func milliseconds(_ from: DispatchTime, _ to: DispatchTime) -> Double {
        Double(to.uptimeNanoseconds - from.uptimeNanoseconds) / 1e6
    }

    static let imageExtensions = Set(ImageFormat.allCases.flatMap(\.fileExtensions))

    /// The files named, with each folder replaced by its image files in name order.
    static func imageFiles(_ inputs: [String]) throws -> [String] {
        var files: [String] = []
        for input in inputs {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isFolder) else {
                throw ValidationError("\(input) does not exist")
            }
            if isFolder.boolValue {
                let names = try FileManager.default.contentsOfDirectory(atPath: input).sorted()
                files += names.filter { imageExtensions.contains(URL(fileURLWithPath: $0).pathExtension.lowercased()) }
                    .map { URL(fileURLWithPath: input).appendingPathComponent($0).path }
            } else {
                files.append(input)
            }
        }
        guard !files.isEmpty else { throw ValidationError("no images among \(inputs.joined(separator: ", "))") }
        return files
    }

    static func printHuman(file: String, reading: ImageReading) {
        let text = reading.text.isEmpty ? "(no digits)" : reading.text.replacingOccurrences(of: "\n", with: " / ")
        print("\(file): \(text)")
        for digit in reading.digits {
            let box = digit.crop.box
            print(String(format: "  %d  confidence %.3f  box x=%d y=%d w=%d h=%d", digit.digit, digit.confidence, box.x, box.y, box.width, box.height))
        }
        for warning in reading.warnings { print("  warning: \(warning)") }
    }
}

extension DigitExtractor.Mode: EnumerableFlag {}
