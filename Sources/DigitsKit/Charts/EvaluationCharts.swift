import Foundation

/// The charts of one evaluated model, as named SVG documents (`confusion.svg`, …), shared by
/// `digits evaluate --charts`, `digits report` and the web app.
public enum EvaluationCharts {
    /// Confusion matrices (counts and row-normalised) and, for a detector, its curves.
    public static func all(_ result: EvaluationResult, title: String) -> [(name: String, svg: String)] {
        var charts = confusion(result.report, title: title)
        if let binary = result.binary { charts += curves(binary, title: title) }
        return charts
    }

    public static func confusion(_ report: ClassificationReport, title: String) -> [(name: String, svg: String)] {
        let labels = report.confusion.count == 2 ? ["other", "positive"] : (0..<report.confusion.count).map(String.init)
        let counts = report.confusion.map { $0.map(Double.init) }
        var raw = HeatMap(title: "\(title): confusion matrix", xLabel: "predicted", yLabel: "true", values: counts,
                          rowLabels: labels, columnLabels: labels)
        raw.cellSize = labels.count == 2 ? 80 : 44
        let normalised = counts.map { row -> [Double] in
            let total = row.reduce(0, +)
            return row.map { total > 0 ? $0 / total : 0 }
        }
        var share = HeatMap(title: "\(title): confusion matrix, share of each true class", xLabel: "predicted", yLabel: "true",
                            values: normalised, rowLabels: labels, columnLabels: labels,
                            annotation: { $0 == 0 ? "0" : String(format: "%.2f", $0) })
        share.domain = 0...1
        share.cellSize = raw.cellSize
        return [("confusion", raw.svg()), ("confusion-normalised", share.svg())]
    }

    /// Precision and recall against the threshold, the precision–recall curve, and ROC with AUC.
    public static func curves(_ binary: BinaryDetectionReport, title: String) -> [(name: String, svg: String)] {
        let thresholds = binary.thresholds
        var versus = LineChart(title: "\(title): precision and recall by threshold", xLabel: "threshold", yLabel: "score",
                               series: [
                                   .init(name: "precision", x: thresholds, y: Array(binary.curvePrecision.dropLast()), markers: false),
                                   .init(name: "recall", x: thresholds, y: Array(binary.curveRecall.dropLast()), markers: false),
                               ])
        versus.xDomain = 0...1
        versus.yDomain = 0...1
        var pr = LineChart(title: "\(title): precision–recall curve", xLabel: "recall", yLabel: "precision",
                           series: [.init(name: "precision", x: binary.curveRecall, y: binary.curvePrecision, markers: false)])
        pr.xDomain = 0...1
        pr.yDomain = 0...1
        let auc = binary.roc.auc.map { String(format: "AUC %.4f", $0) } ?? "AUC undefined (one class only)"
        var roc = LineChart(title: "\(title): ROC curve (\(auc))", xLabel: "false positive rate", yLabel: "true positive rate",
                            series: [.init(name: "ROC", x: binary.roc.falsePositiveRate.map { $0.isNaN ? 0 : $0 },
                                           y: binary.roc.truePositiveRate.map { $0.isNaN ? 0 : $0 }, markers: false)])
        roc.xDomain = 0...1
        roc.yDomain = 0...1
        roc.reference = [(0, 0), (1, 1)]
        return [("precision-recall-threshold", versus.svg()), ("precision-recall", pr.svg()), ("roc", roc.svg())]
    }

    /// The most confident mistakes: image, true digit, predicted digit and its probability.
    public static func worstMistakes(_ result: EvaluationResult, data: Dataset, count: Int = 16, title: String) -> String? {
        let wrong = result.predictions.indices.filter { result.predictions[$0] != Int(data.labels[$0]) }
        guard !wrong.isEmpty, result.binary == nil else { return nil }
        let worst = wrong.sorted { (-result.confidences[$0], $0) < (-result.confidences[$1], $1) }.prefix(count)
        let cells = worst.map { index in
            ImageGrid.Cell(pixels: Array(data.image(index)),
                           caption: "\(data.labels[index])→\(result.predictions[index]) \(String(format: "%.0f%%", result.confidences[index] * 100))")
        }
        var grid = ImageGrid(title: "\(title): most confident mistakes (true→predicted, confidence)", cells: Array(cells), columns: 8)
        grid.scale = 2
        return grid.svg()
    }
}
