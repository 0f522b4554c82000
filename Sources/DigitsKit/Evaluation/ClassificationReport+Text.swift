import Foundation

extension ClassificationReport {
    /// The layout of scikit-learn's `classification_report`, which the student reports print.
    public func formatted(digits: Int = 4) -> String {
        let width = 10
        func number(_ x: Double) -> String { String(format: "%\(width).\(digits)f", x) }
        func count(_ n: Int) -> String { String(format: "%\(width)d", n) }
        func label(_ text: String) -> String { String(repeating: " ", count: max(0, 12 - text.count)) + text }
        var lines = [label("") + ["precision", "recall", "f1-score", "support"].map { pad($0, width) }.joined()]
        lines.append("")
        for (digit, scores) in classes.enumerated() {
            lines.append(label(String(digit)) + number(scores.precision) + number(scores.recall) + number(scores.f1) + count(scores.support))
        }
        lines.append("")
        lines.append(label("accuracy") + pad("", width * 2) + number(accuracy) + count(sampleCount))
        for (name, scores) in [("macro avg", macroAverage), ("weighted avg", weightedAverage)] {
            lines.append(label(name) + number(scores.precision) + number(scores.recall) + number(scores.f1) + count(scores.support))
        }
        return lines.joined(separator: "\n")
    }

    /// The confusion matrix as a table: rows are true digits, columns predicted digits.
    public func formattedConfusion() -> String {
        let cell = max(5, String(confusion.joined().max() ?? 0).count + 1)
        var lines = ["true \\ predicted"]
        lines.append(pad("", 6) + (0..<confusion.count).map { pad(String($0), cell) }.joined())
        for (digit, row) in confusion.enumerated() {
            lines.append(pad(String(digit), 6) + row.map { pad(String($0), cell) }.joined())
        }
        return lines.joined(separator: "\n")
    }
}

private func pad(_ text: String, _ width: Int) -> String {
    String(repeating: " ", count: max(0, width - text.count)) + text
}
