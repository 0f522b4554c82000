import Foundation

/// One model's line on the leaderboard and its full evaluation.
public struct ReportedModel: Sendable {
    public var name: String
    /// Where it came from: a file, or "trained for this report".
    public var source: String
    public var card: ModelCard
    public var result: EvaluationResult
    /// The set it was scored on (for the pictures of its mistakes).
    public var data: Dataset
    public var fitSeconds: Double?

    public init(name: String, source: String, card: ModelCard, result: EvaluationResult, data: Dataset, fitSeconds: Double?) {
        self.name = name
        self.source = source
        self.card = card
        self.result = result
        self.data = data
        self.fitSeconds = fitSeconds
    }
}

extension HTMLReport {
    /// Digit classifiers ranked by test accuracy (table and bar chart), then one-digit detectors
    /// ranked by ROC AUC: a detector's accuracy answers a different, easier question.
    public mutating func leaderboard(_ all: [ReportedModel]) {
        let models = all.filter { $0.result.binary == nil }
        let detectors = all.filter { $0.result.binary != nil }.sorted { ($0.result.binary?.roc.auc ?? 0) > ($1.result.binary?.roc.auc ?? 0) }
        var detectorTable = ""
        if !detectors.isEmpty {
            let rows = detectors.enumerated().map { rank, model -> [String] in
                let binary = model.result.binary
                return [String(rank + 1), model.name, model.card.positive.map(String.init) ?? "?",
                        binary?.roc.auc.map { String(format: "%.4f", $0) } ?? "—",
                        String(format: "%.4f", binary?.precision ?? 0), String(format: "%.4f", binary?.recall ?? 0),
                        String(format: "%.4f", binary?.f1 ?? 0), Self.percent(model.result.report.accuracy), model.source]
            }
            detectorTable = "<h3>One-digit detectors</h3>"
                + Self.table(["#", "model", "digit", "ROC AUC", "precision", "recall", "F1", "accuracy", "source"], rows, numeric: [0, 2, 3, 4, 5, 6, 7])
        }
        let ranked = models.enumerated().sorted { ($1.element.result.report.accuracy, $0.offset) < ($0.element.result.report.accuracy, $1.offset) }.map(\.element)
        let rows = ranked.enumerated().map { rank, model in
            let report = model.result.report
            return [String(rank + 1), model.name, Self.percent(report.accuracy), String(format: "%.4f", report.macroAverage.f1),
                    model.fitSeconds.map { String(format: "%.2f", $0) } ?? "—", String(format: "%.3f", model.result.predictSeconds),
                    String(report.sampleCount), model.source]
        }
        var bars = BarChart(title: "Test accuracy", xLabel: "model", yLabel: "accuracy",
                            categories: ranked.map(\.name), values: ranked.map(\.result.report.accuracy))
        bars.includeZero = false
        bars.valueFormat = { String(format: "%.2f%%", $0 * 100) }
        bars.width = max(480, Double(ranked.count) * 110 + 120)
        section("Leaderboard", id: "leaderboard",
                (ranked.isEmpty ? "" : Self.table(["#", "model", "accuracy", "macro F1", "fit s", "predict s", "test images", "source"], rows,
                                                  numeric: [0, 2, 3, 4, 5, 6]))
                + (ranked.count > 1 ? Self.figures([bars.svg()]) : "") + detectorTable
                + Self.paragraph("Times are wall-clock seconds on the machine that wrote this report and vary with its load."))
    }

    /// Class balance, what the digits look like, and how they cluster in 2-D.
    public mutating func overview(train: Dataset, test: Dataset, embeddings: [(method: String, points: Matrix, labels: [Int], score: Double)], seed: UInt64) {
        let trainOverview = DataOverview(train, seed: seed)
        let testCounts = test.classCounts()
        let rows = (0..<Dataset.classCount).map { digit in
            [String(digit), String(trainOverview.classCounts[digit]),
             Self.percent(Double(trainOverview.classCounts[digit]) / Double(max(train.count, 1))), String(testCounts[digit])]
        }
        var body = Self.paragraph("\(train.count) training and \(test.count) test images of 28×28 grey levels.")
        body += Self.table(["digit", "training images", "share", "test images"], rows, numeric: [1, 2, 3])
        body += Self.figures([OverviewCharts.classDistribution(trainOverview, setName: "training set"), OverviewCharts.pixelVariance(trainOverview)])
        body += Self.figures([OverviewCharts.meanImages(trainOverview), OverviewCharts.samples(trainOverview, data: train)])
        if !embeddings.isEmpty {
            body += "<h3>The digits in two dimensions</h3>"
            body += Self.paragraph("Each point is a training image. The score is the share of images whose five nearest "
                                   + "neighbours in the map mostly carry the same digit (1 = clean clusters, 0.1 = chance).")
            body += Self.figures(embeddings.map { OverviewCharts.embedding($0.points, labels: $0.labels, method: $0.method, score: $0.score) })
        }
        section("The data", id: "data", body)
    }

    /// A model's metrics, classification report, confusion matrices, mistakes and curves.
    public mutating func model(_ model: ReportedModel) {
        let report = model.result.report
        let card = model.card
        var facts = [["kind", card.kind], ["parameters", card.parameters.text],
                     ["transforms", card.transforms.map(\.kind).joined(separator: " → ")]]
        if let training = card.training {
            facts.append(["trained on", "\(training.trainingSamples) images, split \(training.split), seed \(training.seed)"])
        }
        if let positive = card.positive { facts.append(["task", "detector: is it a \(positive)?"]) }
        facts.append(["accuracy", Self.percent(report.accuracy)])
        if let auc = model.result.binary?.roc.auc { facts.append(["ROC AUC", String(format: "%.4f", auc)]) }
        var body = Self.table(nil, facts)
        let labels = report.classes.count == 2 ? ["other", "positive"] : report.classes.indices.map(String.init)
        var rows = zip(labels, report.classes).map { label, s in
            [label, String(format: "%.4f", s.precision), String(format: "%.4f", s.recall), String(format: "%.4f", s.f1), String(s.support)]
        }
        for (name, s) in [("macro avg", report.macroAverage), ("weighted avg", report.weightedAverage)] {
            rows.append([name, String(format: "%.4f", s.precision), String(format: "%.4f", s.recall), String(format: "%.4f", s.f1), String(s.support)])
        }
        body += "<h3>Classification report</h3>" + Self.table(["class", "precision", "recall", "f1-score", "support"], rows, numeric: [1, 2, 3, 4])
        let charts = EvaluationCharts.all(model.result, title: model.name)
        body += Self.figures(charts.map(\.svg))
        if let mistakes = EvaluationCharts.worstMistakes(model.result, data: model.data, title: model.name) {
            body += "<h3>Worst mistakes</h3>" + Self.figures([mistakes])
        }
        section("Model: \(model.name)", id: "model-" + model.name, body)
    }

    static func percent(_ x: Double) -> String { String(format: "%.2f %%", x * 100) }
}
