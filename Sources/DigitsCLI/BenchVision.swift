import ArgumentParser
import DigitsKit
import Foundation

/// `digits bench vision`: the real-image targets — a 12-megapixel photo to digits, a 280×280
/// canvas drawing to a digit — timed end to end, and accuracy on a development set.
struct BenchVision: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vision",
        abstract: "Time reading a 12-megapixel photo and a canvas drawing; score a development set.",
        discussion: """
        The photo (4000×3000 JPEG, seven digits, generated with a fixed seed) is timed from its bytes: \
        decode, extraction, classification. The canvas (280×280) is timed from its pixels: extraction \
        and classification, as a drawing page sends them. Wall times are medians and 99th percentiles; \
        user CPU time per run is shown too, since it does not grow when other processes load the machine. \
        --photo FILE times that file instead of the generated JPEG, in any format `predict` reads (a \
        phone's HEIC, say). With --devset DIR (from `digits devset generate`) every picture is read, single \
        digits as `predict --single` does and strings as `--multi`, and the per-digit accuracy is shown per \
        kind and per digit.
        """)

    @Option(help: ArgumentHelp("The model file; default \(DefaultModel.relativePath).", valueName: "FILE"))
    var model: String?

    @Option(help: ArgumentHelp("A development set folder to score.", valueName: "DIR"))
    var devset: String?

    @Option(help: ArgumentHelp("Time this photo file instead of the generated 12 MP JPEG.", valueName: "FILE"))
    var photo: String?

    @Option(help: "Timed runs of the photo.")
    var photoRuns = 20

    @Option(help: "Timed runs of the canvas.")
    var canvasRuns = 300

    @Flag(help: "Print JSON instead of tables.")
    var json = false

    @Flag(help: "With --devset, list every misread picture (file, kind, drawn, read) on standard error.")
    var misses = false

    func run() async throws {
        let modelURL = try model.map { URL(fileURLWithPath: $0) } ?? DefaultModel.locate()
        let pipeline = try ModelFile.load(from: modelURL).pipeline
        // Pictures are classified a few digits at a time: one BLAS thread answers fastest.
        if Digits.ownsProcess { BLASThreads.useCallingThreadOnly() }
        // Any digits will do for timing; MNIST is not needed for that.
        let generator = DevSetGenerator(testDigits: Dataset.empty, seed: 1)
        var photoTiming: VisionBenchReport.Timing
        if let photo {
            let url = URL(fileURLWithPath: photo)
            photoTiming = try Self.timePhoto(bytes: [UInt8](Data(contentsOf: url)), name: "\(url.lastPathComponent) → digits",
                                             pipeline: pipeline, runs: max(1, photoRuns))
        } else {
            let generated = generator.photo()
            photoTiming = try Self.timePhoto(bytes: generated.image.jpegData(quality: 90), name: "12 MP photo → digits",
                                             pipeline: pipeline, runs: max(1, photoRuns))
            photoTiming.expected = generated.value
        }
        let canvas = try Self.timeCanvas(generator.sample(.cleanCanvas, index: 0).image, pipeline: pipeline, runs: max(1, canvasRuns))
        var score: DevSetScore?
        if let devset {
            score = try DevSetReading(folder: URL(fileURLWithPath: devset)).score(pipeline: pipeline) { entry, reading in
                guard misses else { return }
                let read = reading?.text.replacingOccurrences(of: "\n", with: " ") ?? "(unreadable)"
                FileHandle.standardError.write(Data("miss \(entry.file) \(entry.kind) drawn \(entry.value) read \(read)\n".utf8))
            }
        }
        let report = VisionBenchReport(model: modelURL.lastPathComponent, photo: photoTiming, canvas: canvas, devset: score)
        if json { try printJSON(report) } else { print(report.formatted()) }
    }

    /// A photo file's bytes to digits, as `predict` reads them (a JPEG decoded reduced).
    static func timePhoto(bytes: [UInt8], name: String, pipeline: Pipeline, runs: Int) throws -> VisionBenchReport.Timing {
        let extractor = DigitExtractor(options: .init(mode: .multi))
        let decoder = ImageDecoder(reduceToLongestSide: extractor.options.workingSize)
        var timing = VisionBenchReport.Timing(name: name, stages: ["decode", "extract", "classify"])
        try timing.measure(runs: runs) { mark in
            let image = try decoder.decode(bytes)
            mark()
            let extraction = extractor.extract(image)
            mark()
            return try pipeline.classify(extraction).text
        }
        return timing
    }

    static func timeCanvas(_ canvas: RasterImage, pipeline: Pipeline, runs: Int) throws -> VisionBenchReport.Timing {
        let extractor = DigitExtractor(options: .init(mode: .single))
        var timing = VisionBenchReport.Timing(name: "280×280 canvas → digit", stages: ["extract", "classify"])
        try timing.measure(runs: runs) { mark in
            let extraction = extractor.extract(canvas)
            mark()
            return try pipeline.classify(extraction).text
        }
        return timing
    }
}

/// What `bench vision` measured.
struct VisionBenchReport: Encodable {
    struct Timing: Encodable {
        var name: String
        var stages: [String]
        /// Milliseconds per run, per stage, then the total.
        var stageMs: [[Double]] = []
        var totalMs: [Double] = []
        /// User CPU time per run, all threads, averaged over the runs (the clock ticks too
        /// coarsely to time one run).
        var cpuMs = 0.0
        var expected: String?
        var read: String?

        init(name: String, stages: [String]) {
            self.name = name
            self.stages = stages
            stageMs = stages.map { _ in [] }
        }

        /// Runs `body` once to warm up (keeping what it read) and `runs` times timed; `body`
        /// calls `mark()` between its stages.
        mutating func measure(runs: Int, _ body: (_ mark: () -> Void) throws -> String) rethrows {
            var cpu = 0.0
            for run in 0...runs {
                if run == 1 { cpu = ProcessStats.userCPUSeconds() }
                var marks = [DispatchTime.now()]
                let text = try body { marks.append(DispatchTime.now()) }
                marks.append(DispatchTime.now())
                guard run > 0 else { read = text; continue }
                for k in stages.indices { stageMs[k].append(Predict.milliseconds(marks[k], marks[k + 1])) }
                totalMs.append(Predict.milliseconds(marks[0], marks[marks.count - 1]))
            }
            cpuMs = (ProcessStats.userCPUSeconds() - cpu) * 1000 / Double(max(1, runs))
        }

        static func percentile(_ values: [Double], _ p: Double) -> Double {
            let sorted = values.sorted()
            guard !sorted.isEmpty else { return 0 }
            return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
        }
    }

    var model: String
    var photo: Timing
    var canvas: Timing
    var devset: DevSetScore?

    func formatted() -> String {
        var lines = ["model \(model)", "", "timing (ms)            median     p99     cpu mean   stages (median)"]
        for timing in [photo, canvas] {
            let stages = zip(timing.stages, timing.stageMs).map { String(format: "%@ %.2f", $0, Timing.percentile($1, 0.5)) }
            lines.append(String(format: "%@ %7.2f %7.2f %12.2f   %@", pad(timing.name, 22),
                                Timing.percentile(timing.totalMs, 0.5), Timing.percentile(timing.totalMs, 0.99),
                                timing.cpuMs, stages.joined(separator: ", ") as NSString))
            if let read = timing.read {
                lines.append("    read \(read.replacingOccurrences(of: "\n", with: " / "))" + (timing.expected.map { " (drawn \($0))" } ?? ""))
            }
        }
        guard let devset else { return lines.joined(separator: "\n") }
        lines += ["", "development set: per-digit accuracy (hits / (expected + extra digits)) and whole pictures read exactly",
                  "kind              images  digits  digit acc  image acc"]
        let row = { (name: String, t: DevSetScore.Tally) in
            String(format: "%@ %7d %7d %9.2f %% %8.2f %%", pad(name, 16), t.images, t.expectedDigits, t.digitAccuracy * 100, t.imageAccuracy * 100)
        }
        let order = DevSetKind.allCases.map(\.rawValue)
        for kind in devset.byKind.keys.sorted(by: { (order.firstIndex(of: $0) ?? 99, $0) < (order.firstIndex(of: $1) ?? 99, $1) }) {
            if let tally = devset.byKind[kind] { lines.append(row(kind, tally)) }
        }
        lines.append(row("all", devset.total))
        lines += ["", "digit  expected  accuracy"]
        for (d, t) in devset.byDigit.enumerated() {
            lines.append(String(format: "%5d %9d %8.2f %%", d, t.expectedDigits, t.expectedDigits == 0 ? 0 : Double(t.hits) / Double(t.expectedDigits) * 100))
        }
        return lines.joined(separator: "\n")
    }

    private func pad(_ text: String, _ width: Int) -> NSString {
        text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0) as NSString
    }
}
