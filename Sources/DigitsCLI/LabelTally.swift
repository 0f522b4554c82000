import DigitsKit
import Foundation

/// Predictions against `--labels`: whole-image accuracy, a per-digit confusion matrix (for
/// images where as many digits were found as expected) and the list of misses.
struct LabelTally {
    struct Miss: Encodable {
        var file: String
        var expected: String
        var read: String
    }

    private(set) var count = 0
    private(set) var correct = 0
    private var truth: [Int] = []
    private var predicted: [Int] = []
    private(set) var misses: [Miss] = []

    mutating func add(file: String, expected: String, read: ImageReading) {
        count += 1
        let text = read.text.filter(\.isNumber)
        if text == expected { correct += 1 } else { misses.append(Miss(file: file, expected: expected, read: text)) }
        guard text.count == expected.count else { return }
        for (t, p) in zip(expected, text) {
            if let t = t.wholeNumberValue, let p = p.wholeNumberValue { truth.append(t); predicted.append(p) }
        }
    }

    var accuracy: Double { count == 0 ? 0 : Double(correct) / Double(count) }

    func report(unlabelled: Int, json: Bool) {
        let classification = ClassificationReport(truth: truth, predicted: predicted)
        if json {
            struct Summary: Encodable {
                var labelled: Int, correct: Int, accuracy: Double, unlabelled: Int
                var confusion: [[Int]]
                var misses: [Miss]
            }
            try? printJSON(Summary(labelled: count, correct: correct, accuracy: accuracy, unlabelled: unlabelled,
                                   confusion: classification.confusion, misses: misses))
            return
        }
        print(String(format: "\nAccuracy %.2f %% (%d of %d labelled images read exactly)", accuracy * 100, correct, count))
        if unlabelled > 0 { print("\(unlabelled) image(s) have no row in the labels file") }
        if truth.count > 0 {
            print("\nPer digit (\(truth.count) digits in images where the digit count matched)")
            print(classification.formatted())
            print("\nConfusion matrix")
            print(classification.formattedConfusion())
        }
        if !misses.isEmpty {
            print("\nMisses")
            for miss in misses { print("  \(miss.file): expected \(miss.expected), read \(miss.read.isEmpty ? "nothing" : miss.read)") }
        }
    }
}
