import Foundation
import Testing
@testable import DigitsKit

/// The development-set generator, its scoring, and the committed sample read through the
/// extractor (Fixtures/devset: `digits devset generate --count 2 --seed 7 --photo-scale 0.45`).
@Suite struct DevSetTests {
    @Test func theSameSeedGivesTheSamePicturesAndEveryKindItsShape() {
        let generator = DevSetGenerator(testDigits: .empty, seed: 3, photoScale: 0.3)
        for kind in DevSetKind.allCases {
            let a = generator.sample(kind, index: 1), b = generator.sample(kind, index: 1)
            #expect(a.image == b.image && a.value == b.value && a.name == b.name)
            #expect(a.image != generator.sample(kind, index: 2).image)
            #expect(a.value.allSatisfy { $0.isNumber })
            #expect(kind == .multi ? (3...10).contains(a.value.count) : a.value.count == 1, "\(kind): \(a.value)")
            // Photos are JPEG, canvases PNG; white-on-black is either (a dark-mode canvas or chalk).
            if kind != .whiteOnBlack { #expect((a.jpegQuality == nil) == (kind == .cleanCanvas)) }
        }
        let canvas = generator.sample(.cleanCanvas, index: 0).image
        #expect(canvas.width == 280 && canvas.height == 280)
        #expect(DevSetGenerator(testDigits: .empty, seed: 4).sample(.pencil, index: 1).image != generator.sample(.pencil, index: 1).image)
    }

    @Test func theWriterListsEveryPictureInBothFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("devset-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows = try DevSetWriter.write(DevSetGenerator(testDigits: .empty, seed: 1, photoScale: 0.25),
                                          kinds: [.cleanCanvas, .jpeg, .multi], count: 2, to: folder)
        #expect(rows.count == 6)
        let reading = try DevSetReading(folder: folder)
        #expect(reading.entries.map(\.file) == rows.map(\.name))
        #expect(reading.entries.map(\.kind) == rows.map(\.kind.rawValue))
        for entry in reading.entries {
            let bytes = try DataFixtures.bytes(entry.file, in: folder)
            #expect(ImageDecoder.format(of: bytes) == (entry.file.hasSuffix("png") ? .png : .jpeg))
            #expect(try ImageDecoder().decode(bytes).width > 0)
        }
    }

    /// labels.csv is read as `predict --labels` reads it: a bad row names its line, a folder
    /// without one says so.
    @Test func badLabelFilesAreTheLabelReadersErrors() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("devset-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        #expect { _ = try DevSetReading(folder: folder) } throws: { error in
            if case .cannotRead? = error as? LabelFileError { return true } else { return false }
        }
        let labels = folder.appendingPathComponent("labels.csv")
        try Data("file,value\na.png,7\nb.png,seven\n".utf8).write(to: labels)
        #expect(throws: LabelFileError.badRow(labels.path, line: 3, reason: "'seven' is not a digit string")) {
            _ = try DevSetReading(folder: folder)
        }
        try Data("file,value\nb.png,12\na.png,7\n".utf8).write(to: labels)
        try Data("file,kind\na.png,pencil\n".utf8).write(to: folder.appendingPathComponent("kinds.csv"))
        let reading = try DevSetReading(folder: folder)
        #expect(reading.entries == [.init(file: "b.png", value: "12", kind: "unknown"), .init(file: "a.png", value: "7", kind: "pencil")])
    }

    @Test(arguments: [
        ("7", "7", [true], 0),
        ("7", "1", [false], 0),
        ("90210", "9021", [true, true, true, true, false], 0),     // the last digit missed
        ("90210", "950210", [true, true, true, true, true], 1),    // one digit too many
        ("123", "", [false, false, false], 0),
        ("12", "3124", [true, true], 2),
    ])
    func readingsAreAlignedDigitByDigit(expected: String, read: String, matched: [Bool], extras: Int) {
        let result = DevSetScore.align(expected: Array(expected), read: Array(read))
        #expect(result.matched == matched && result.extras == extras)
    }

    @Test func scoresAddUpPerKindAndPerDigit() {
        var score = DevSetScore()
        score.add(kind: "multi", expected: "90210", read: "950210")
        score.add(kind: "pencil", expected: "7", read: "1")
        score.add(kind: "pencil", expected: "7", read: "7")
        #expect(score.byKind["multi"]?.hits == 5 && score.byKind["multi"]?.extras == 1 && score.byKind["multi"]?.exact == 0)
        #expect(abs((score.byKind["multi"]?.digitAccuracy ?? 0) - 5.0 / 6.0) < 1e-12)
        #expect(score.byKind["pencil"]?.imageAccuracy == 0.5)
        #expect(score.byDigit[7].expectedDigits == 2 && score.byDigit[7].hits == 1)
        #expect(score.byDigit[0].expectedDigits == 2 && score.byDigit[0].hits == 2)
        #expect(score.total.images == 3 && score.total.expectedDigits == 7 && score.total.hits == 6)
    }

    /// Each committed picture yields as many digits as its label has: one for the single-digit
    /// kinds (read as `predict --single`), the whole string for `multi` (read as `--multi`).
    @Test func theCommittedSampleYieldsTheRightNumberOfDigits() throws {
        let reading = try DevSetReading(folder: try DataFixtures.root.appendingPathComponent("devset"))
        #expect(reading.entries.count == 30)
        #expect(Set(reading.entries.map(\.kind)) == Set(DevSetKind.allCases.map(\.rawValue)))
        let decoder = ImageDecoder(reduceToLongestSide: DigitExtractor.Options().workingSize)
        for entry in reading.entries {
            let image = try decoder.decode(contentsOf: reading.folder.appendingPathComponent(entry.file))
            let extraction = DigitExtractor(options: .init(mode: entry.value.count == 1 ? .single : .multi)).extract(image)
            #expect(extraction.digits.count == entry.value.count, "\(entry.file): \(extraction.digits.map(\.box))")
        }
    }

    /// With MNIST at hand, a small model trained in the test reads most of the committed sample:
    /// logistic regression on 6000 training digits (the full models read 88–95 % of the larger
    /// development set; this floor catches a broken extractor or a broken normalisation).
    @Test(.enabled(if: MNISTLoadTests.fullDataFolder != nil, "set DIGITS_DATA to a folder holding MNIST"))
    func aSmallModelReadsMostOfTheCommittedSample() throws {
        let train = try MNIST.load(from: URL(fileURLWithPath: try #require(MNISTLoadTests.fullDataFolder))).train
        var pipeline = try ModelKind.logreg.makePipeline(parameters: [])
        _ = try pipeline.fit(train.subset(Array(0..<6000)))
        let score = try DevSetReading(folder: try DataFixtures.root.appendingPathComponent("devset")).score(pipeline: pipeline)
        #expect(score.total.digitAccuracy >= 0.75, "\(score.total)")
    }
}
