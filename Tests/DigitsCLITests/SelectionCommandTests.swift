import ArgumentParser
import DigitsKit
import Foundation
import Testing
@testable import DigitsCLI

/// cv, tune, select, explore, report and evaluate --charts end to end on a small folder.
@Suite struct SelectionCommandTests {
    @Test func cvTuneAndSelectRunEndToEnd() async throws {
        let folder = try TrainEvaluateTests.dataFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var cv = try #require(try Digits.parseAsRoot(["cv", "logreg:C=0.5", "--folds", "3", "--data", folder.path, "--json"]) as? CrossValidate)
        try await cv.run()
        let chart = folder.appendingPathComponent("tune/c.svg")
        var tune = try #require(try Digits.parseAsRoot(
            ["tune", "logreg", "--grid", "C=0.01,1", "--cv", "3", "--data", folder.path, "--out", chart.path]) as? Tune)
        try await tune.run()
        #expect(try String(contentsOf: chart, encoding: .utf8).hasPrefix("<svg"))
        let model = folder.appendingPathComponent("best.safetensors")
        var select = try #require(try Digits.parseAsRoot(
            ["select", "logreg:C=0.01", "logreg:C=1", "--validation-size", "60", "--data", folder.path, "--out", model.path]) as? Select)
        try await select.run()
        let saved = try ModelFile.load(from: model)
        #expect(saved.card.training?.trainingSamples == 300)
    }

    @Test func badOptionsFailBeforeAnyDataIsRead() async throws {
        #expect(throws: (any Error).self) { try Digits.parseAsRoot(["tune", "logreg", "--grid", "C=1", "--cv", "3", "--validation"]) }
        #expect(throws: (any Error).self) { try Digits.parseAsRoot(["select", "nosuchmodel:C=1", "--out", "x"]) }
        var tune = try #require(try Digits.parseAsRoot(["tune", "logreg", "--grid", "C", "--data", "/nonexistent"]) as? Tune)
        await #expect(throws: ParameterGridError.self) { try await tune.run() }
    }

    @Test func evaluateWritesChartsAndReportIsSelfContained() async throws {
        let folder = try TrainEvaluateTests.dataFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = folder.appendingPathComponent("seven.safetensors")
        var train = try #require(try Digits.parseAsRoot(
            ["train", "logreg", "--positive", "7", "--data", folder.path, "--out", model.path, "--json"]) as? Train)
        try await train.run()
        let charts = folder.appendingPathComponent("charts")
        var evaluate = try #require(try Digits.parseAsRoot(["evaluate", model.path, "--data", folder.path, "--charts", charts.path]) as? Evaluate)
        try await evaluate.run()
        let names = try FileManager.default.contentsOfDirectory(atPath: charts.path).sorted()
        #expect(names == ["confusion-normalised.svg", "confusion.svg", "precision-recall-threshold.svg", "precision-recall.svg", "roc.svg"])

        let html = folder.appendingPathComponent("report.html")
        var report = try #require(try Digits.parseAsRoot(
            ["report", "--models", model.path, "--train", "logreg:C=1", "--embedding-sample", "100", "--data", folder.path,
             "--images", Self.devSetFixtures.path, "--labels", Self.devSetFixtures.appendingPathComponent("labels.csv").path,
             "--out", html.path]) as? Report)
        try await report.run()
        let page = try String(contentsOf: html, encoding: .utf8)
        #expect(page.contains("Leaderboard") && page.contains("Model: logreg:C=1") && page.contains("t-SNE"))
        // Both models read the 30 committed development-set pictures.
        #expect(page.contains("Real pictures"))
        #expect(page.components(separatedBy: " of 30</td>").count == 3, "a row per model over the 30 labelled pictures")
        #expect(!page.contains("src=") && !page.contains("href=\"http"))
        #expect(!page.contains("<script"))
    }

    /// The development-set sample committed with the kit's tests: pictures and their labels.
    static var devSetFixtures: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("DigitsKitTests/Fixtures/devset")
    }

    @Test func reportNeedsBothImagesAndLabels() {
        #expect(throws: (any Error).self) { try Digits.parseAsRoot(["report", "--images", "pictures", "--out", "r.html"]) }
        #expect(throws: (any Error).self) { try Digits.parseAsRoot(["report", "--labels", "labels.csv", "--out", "r.html"]) }
    }

    @Test func exploreWritesItsCharts() async throws {
        let folder = try TrainEvaluateTests.dataFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("explore")
        var explore = try #require(try Digits.parseAsRoot(["explore", "--data", folder.path, "--out", out.path, "--sample", "120", "--json"]) as? Explore)
        try await explore.run()
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(names == ["class-distribution.svg", "mean-images.svg", "pca.svg", "pixel-variance.svg", "samples.svg", "tsne.svg"])
    }
}
