import Testing
@testable import DigitsKit

@Suite struct BinaryDetectionTests {
    @Test func curveMatchesScikitLearn() {
        // sklearn.metrics.precision_recall_curve(y, s) on the same data (scikit-learn 1.9).
        let truth = [0, 1, 1, 0, 1, 0, 0, 1]
        let scores = [0.1, 0.9, 0.8, 0.8, 0.35, 0.2, 0.6, 0.35]
        let report = BinaryDetectionReport(truth: truth, scores: scores, predicted: scores.map { $0 >= 0.5 ? 1 : 0 })
        #expect(report.thresholds == [0.1, 0.2, 0.35, 0.6, 0.8, 0.9])
        let precision = [0.5, 4.0 / 7, 2.0 / 3, 0.5, 2.0 / 3, 1, 1]
        let recall = [1, 1, 1, 0.5, 0.5, 0.25, 0]
        #expect(zip(report.curvePrecision, precision).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(report.curveRecall == recall)
        // At 0.5: predicted positives are 0.9, 0.8, 0.8, 0.6 → 2 true of 4; recall 2 of 4.
        #expect(report.precision == 0.5 && report.recall == 0.5 && report.f1 == 0.5)
    }

    @Test func noPredictedPositivesGivesZeroNotNaN() {
        let report = BinaryDetectionReport(truth: [1, 0], scores: [0.2, 0.1], predicted: [0, 0])
        #expect(report.precision == 0 && report.recall == 0 && report.f1 == 0)
    }

    @Test func relabelsOneDigitAgainstTheRest() throws {
        let data = try Dataset(pixels: [UInt8](repeating: 0, count: 3 * 784), labels: [7, 3, 7])
        #expect(try BinaryTask(positive: 7).relabel(data).labels == [1, 0, 1])
        #expect(throws: DatasetError.self) { try BinaryTask(positive: 10) }
    }
}
