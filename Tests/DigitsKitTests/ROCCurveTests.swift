import Foundation
import Testing
@testable import DigitsKit

/// Expected values from scikit-learn 1.9: `roc_curve(y, s)` and `roc_auc_score(y, s)`.
@Suite struct ROCCurveTests {
    func close(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) < 1e-12 }
    }

    @Test func matchesScikitLearnWithTiesAndDroppedPoints() {
        let roc = ROCCurve(truth: [0, 1, 1, 0, 1, 0, 0, 1], scores: [0.1, 0.9, 0.8, 0.8, 0.35, 0.2, 0.6, 0.35])
        #expect(roc.thresholds == [.infinity, 0.9, 0.8, 0.6, 0.35, 0.1])  // 0.2 is dropped: collinear
        #expect(close(roc.falsePositiveRate, [0, 0, 0.25, 0.5, 0.5, 1]))
        #expect(close(roc.truePositiveRate, [0, 0.25, 0.5, 0.5, 1, 1]))
        #expect(abs((roc.auc ?? 0) - 0.71875) < 1e-12)
    }

    @Test func matchesScikitLearnOnALongerCurve() {
        let roc = ROCCurve(truth: [0, 0, 1, 1, 0, 1, 1, 0, 1, 0, 1, 1],
                           scores: [0.05, 0.1, 0.2, 0.3, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95])
        #expect(roc.thresholds == [.infinity, 0.95, 0.9, 0.8, 0.7, 0.6, 0.4, 0.3, 0.2, 0.05])
        #expect(close(roc.falsePositiveRate, [0, 0, 0, 0.2, 0.2, 0.4, 0.4, 0.6, 0.6, 1]))
        let sevenths: [Double] = [0, 1, 2, 2, 3, 3, 5, 6, 7, 7]
        #expect(close(roc.truePositiveRate, sevenths.map { $0 / 7 }))
        #expect(abs((roc.auc ?? 0) - 0.7) < 1e-12)
    }

    @Test func allScoresTiedIsTheChanceDiagonal() {
        let roc = ROCCurve(truth: [1, 1, 1, 0, 0], scores: [0.5, 0.5, 0.5, 0.5, 0.5])
        #expect(roc.thresholds == [.infinity, 0.5])
        #expect(roc.falsePositiveRate == [0, 1] && roc.truePositiveRate == [0, 1])
        #expect(roc.auc == 0.5)
    }

    @Test func oneClassOnlyHasNoAUC() {
        let roc = ROCCurve(truth: [1, 1], scores: [0.2, 0.7])
        #expect(roc.auc == nil)
        let allNaN = roc.falsePositiveRate.allSatisfy { $0.isNaN }
        #expect(allNaN)
    }

    @Test func jsonWritesInfinityAsNull() throws {
        let roc = ROCCurve(truth: [0, 0, 1, 1], scores: [0.1, 0.4, 0.35, 0.8])
        #expect(abs((roc.auc ?? 0) - 0.75) < 1e-12)
        let data = try JSONEncoder.stable.encode(roc)
        #expect(String(decoding: data, as: UTF8.self).contains("\"thresholds\":[null,0.8"))
        #expect(try JSONDecoder().decode(ROCCurve.self, from: data) == roc)
    }
}
