import ArgumentParser
import DigitsKit
import Foundation
import Testing
@testable import DigitsCLI

@Suite struct PredictTests {
    @Test func labelFilesWithAndWithoutHeader() throws {
        let plain = try LabelFile(text: "a.png,7\nb.jpg,4071\n\n")
        #expect(plain.values == ["a.png": "7", "b.jpg": "4071"])
        let headed = try LabelFile(text: "file,value\r\n\"a.png\", 3\r\n")
        #expect(headed.values == ["a.png": "3"])
        #expect(headed.value(for: "/some/folder/a.png") == "3")
    }

    @Test(arguments: [
        ("a.png,7\nb.png", LabelFileError.badRow("labels", line: 2, reason: "expected 2 fields (file,value), found 1")),
        ("a.png,7\nb.png,x", .badRow("labels", line: 2, reason: "'x' is not a digit string")),
        ("a.png,7\n,4", .badRow("labels", line: 2, reason: "the file name is empty")),
        ("a.png,7\na.png,4", .badRow("labels", line: 2, reason: "'a.png' is listed twice")),
        ("file,value\n", .empty("labels")),
    ])
    func badLabelFilesAreClearErrors(text: String, error: LabelFileError) {
        #expect(throws: error) { _ = try LabelFile(text: text) }
    }

    @Test func predictReadsImagesWritesDebugStripsAndScoresLabels() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("digits-predict-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try TrainEvaluateTests.barDigits(count: 300, seed: 1).writeIDX(to: folder, prefix: "train")
        try TrainEvaluateTests.barDigits(count: 100, seed: 2).writeIDX(to: folder, prefix: "t10k")
        let model = folder.appendingPathComponent("m.safetensors")
        let train = try #require(try Digits.parseAsRoot(["train", "logreg", "--data", folder.path, "--out", model.path, "--json"]) as? Train)
        try await train.run()

        // A dark bar on white paper, and a file that is not an image.
        var pixels = [UInt8](repeating: 235, count: 120 * 80)
        for y in 30..<36 { for x in 20..<100 { pixels[y * 120 + x] = 20 } }
        let images = folder.appendingPathComponent("images")
        try #require(RasterImage(width: 120, height: 80, channels: 1, pixels: pixels)).writePNG(to: images.appendingPathComponent("bar.png"))
        try Data("not an image".utf8).write(to: images.appendingPathComponent("broken.jpg"))
        let labels = folder.appendingPathComponent("labels.csv")
        try Data("file,value\nbar.png,3\n".utf8).write(to: labels)
        let debug = folder.appendingPathComponent("debug")
        let predict = try #require(try Digits.parseAsRoot(
            ["predict", "--model", model.path, images.path, "--single", "--labels", labels.path, "--debug", debug.path, "--json"]) as? Predict)
        try await predict.run()
        let strip = try ImageDecoder().decode(contentsOf: debug.appendingPathComponent("bar.steps.png"))
        #expect(strip.channels == 3 && strip.height == 240)
    }

    @Test func aFolderGivesItsImagesOfEveryReadableKindAndNothingElse() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("digits-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let names = ["a.png", "b.JPG", "c.jpeg", "d.webp", "e.tif", "f.TIFF", "g.HEIC", "h.heif", "i.hif", "j.avif",
                     "k.pgm", "l.bmp", "labels.csv", "movie.mp4", "notes.txt"]
        for name in names { try Data().write(to: folder.appendingPathComponent(name)) }
        let found = try Predict.imageFiles([folder.path]).map { URL(fileURLWithPath: $0).lastPathComponent }
        #expect(found == Array(names.prefix(12)))
    }

    @Test func aMissingDefaultModelAsksForOne() {
        let nowhere = URL(fileURLWithPath: "/nonexistent-digits-folder")
        #expect(throws: DefaultModelError.self) {
            _ = try DefaultModel.locate(currentDirectory: nowhere, executable: nowhere.appendingPathComponent("bin/digits"))
        }
    }
}
