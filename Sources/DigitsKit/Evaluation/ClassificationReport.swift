/// Precision, recall, F1 and support per digit, with macro and weighted averages and the
/// confusion matrix: scikit-learn's `classification_report` and `confusion_matrix`.
///
/// A class that is never predicted has precision 0 (scikit-learn's `zero_division=0`), and one
/// that never occurs has recall 0; both still count in the macro average.
public struct ClassificationReport: Sendable, Equatable, Codable {
    public struct ClassScores: Sendable, Equatable, Codable {
        public var precision: Double
        public var recall: Double
        public var f1: Double
        public var support: Int
    }

    public let classes: [ClassScores]
    public let accuracy: Double
    public let macroAverage: ClassScores
    public let weightedAverage: ClassScores
    /// `confusion[true][predicted]`.
    public let confusion: [[Int]]

    public var sampleCount: Int { classes.reduce(0) { $0 + $1.support } }

    public init(truth: [Int], predicted: [Int], classCount: Int = Dataset.classCount) {
        precondition(truth.count == predicted.count, "one prediction per true label")
        var confusion = [[Int]](repeating: [Int](repeating: 0, count: classCount), count: classCount)
        for (t, p) in zip(truth, predicted) { confusion[t][p] += 1 }
        self.init(confusion: confusion)
    }

    public init(confusion: [[Int]]) {
        let k = confusion.count
        let total = confusion.joined().reduce(0, +)
        var scores: [ClassScores] = []
        var correct = 0
        for c in 0..<k {
            let truePositives = confusion[c][c]
            correct += truePositives
            let support = confusion[c].reduce(0, +)
            let predicted = confusion.reduce(0) { $0 + $1[c] }
            let precision = predicted == 0 ? 0 : Double(truePositives) / Double(predicted)
            let recall = support == 0 ? 0 : Double(truePositives) / Double(support)
            let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
            scores.append(ClassScores(precision: precision, recall: recall, f1: f1, support: support))
        }
        func average(_ weight: (ClassScores) -> Double) -> ClassScores {
            let weights = scores.map(weight)
            let sum = weights.reduce(0, +)
            func mean(_ value: (ClassScores) -> Double) -> Double {
                sum == 0 ? 0 : zip(scores, weights).reduce(0) { $0 + value($1.0) * $1.1 } / sum
            }
            return ClassScores(precision: mean(\.precision), recall: mean(\.recall), f1: mean(\.f1), support: total)
        }
        self.classes = scores
        self.accuracy = total == 0 ? 0 : Double(correct) / Double(total)
        self.macroAverage = average { _ in 1 }
        self.weightedAverage = average { Double($0.support) }
        self.confusion = confusion
    }
}
