import Testing
@testable import DigitsKit

/// Expected values computed with scikit-learn 1.9 (`precision_recall_fscore_support` with
/// `labels=range(10), zero_division=0`) on the same ten predictions.
@Suite struct ClassificationReportTests {
    let truth = [0, 0, 1, 1, 2, 2, 2, 3, 3, 4]
    let predicted = [0, 1, 1, 1, 2, 2, 0, 3, 0, 0]

    @Test func perClassScoresMatchScikitLearn() {
        let report = ClassificationReport(truth: truth, predicted: predicted)
        let precision = [0.25, 2.0 / 3, 1, 1, 0, 0, 0, 0, 0, 0]
        let recall = [0.5, 1, 2.0 / 3, 0.5, 0, 0, 0, 0, 0, 0]
        let f1 = [1.0 / 3, 0.8, 0.8, 2.0 / 3, 0, 0, 0, 0, 0, 0]
        let support = [2, 2, 3, 2, 1, 0, 0, 0, 0, 0]
        for digit in 0..<10 {
            #expect(abs(report.classes[digit].precision - precision[digit]) < 1e-12)
            #expect(abs(report.classes[digit].recall - recall[digit]) < 1e-12)
            #expect(abs(report.classes[digit].f1 - f1[digit]) < 1e-12)
            #expect(report.classes[digit].support == support[digit])
        }
        #expect(report.accuracy == 0.6)
    }

    @Test func averagesMatchScikitLearn() {
        let report = ClassificationReport(truth: truth, predicted: predicted)
        #expect(abs(report.macroAverage.precision - 0.291667) < 1e-6)
        #expect(abs(report.macroAverage.recall - 0.266667) < 1e-6)
        #expect(abs(report.macroAverage.f1 - 0.26) < 1e-6)
        #expect(abs(report.weightedAverage.precision - 0.683333) < 1e-6)
        #expect(abs(report.weightedAverage.recall - 0.6) < 1e-6)
        #expect(abs(report.weightedAverage.f1 - 0.6) < 1e-6)
        #expect(report.macroAverage.support == 10)
    }

    @Test func confusionMatrixCountsTrueRowsAndPredictedColumns() {
        let report = ClassificationReport(truth: truth, predicted: predicted)
        #expect(report.confusion[0] == [1, 1, 0, 0, 0, 0, 0, 0, 0, 0])
        #expect(report.confusion[2] == [1, 0, 2, 0, 0, 0, 0, 0, 0, 0])
        #expect(report.confusion[4] == [1, 0, 0, 0, 0, 0, 0, 0, 0, 0])
        #expect(report.confusion.joined().reduce(0, +) == 10)
    }

    @Test func textLayoutFollowsScikitLearn() {
        let text = ClassificationReport(truth: truth, predicted: predicted).formatted()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "             precision    recall  f1-score   support")
        #expect(lines[2] == "           0    0.2500    0.5000    0.3333         2")
        #expect(text.contains("    accuracy                        0.6000        10"))
        #expect(text.contains("   macro avg    0.2917    0.2667    0.2600        10"))
    }

    @Test func emptyInputGivesZerosNotNaN() {
        let report = ClassificationReport(truth: [], predicted: [])
        #expect(report.accuracy == 0)
        #expect(report.macroAverage.f1 == 0)
    }
}
