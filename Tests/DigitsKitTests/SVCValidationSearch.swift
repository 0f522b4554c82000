import Foundation
import Testing
@testable import DigitsKit

/// How the `pca-svc` defaults were chosen: a grid over PCA size, C and γ (as multiples of
/// `gamma="scale"`), fitted on 50 000 of the 60 000 training images and scored on the other
/// 10 000 — never on the test set. It takes minutes, so it runs only when
/// `DIGITS_SVC_SEARCH=1` and `DIGITS_DATA` are set; it prints a table and checks nothing.
@Suite struct SVCValidationSearch {
    static let enabled = ProcessInfo.processInfo.environment["DIGITS_SVC_SEARCH"] == "1"

    @Test(.enabled(if: enabled && MNISTLoadTests.fullDataFolder != nil, "set DIGITS_SVC_SEARCH=1 and DIGITS_DATA"))
    func searchPCASVCOnAValidationSplit() throws {
        guard let path = MNISTLoadTests.fullDataFolder else { return }
        let folder = URL(fileURLWithPath: path)
        let training = try MNIST.load(from: folder).train
        let parts = stratifiedPartition(labels: training.labels, sizes: [50_000, 10_000], seed: 0)
        let (train, validation) = (training.subset(parts[0]), training.subset(parts[1]))
        for components in ["0.95", "80", "50", "35"] {
            var pca = PCA(components: PCA.Components(components) ?? .count(50))
            let x = try pca.fitTransform(try PixelScaler().transform(train.featureMatrix()))
            let v = try pca.transform(try PixelScaler().transform(validation.featureMatrix()))
            let scale = 1 / (Double(x.columns) * x.entryVariance())
            for c in [5.0, 10.0] {
                for multiple in [1.0, 1.5, 2.0] {
                    var model = SVC(parameters: try SVC.Parameters.parse(["C=\(c)", "gamma=\(scale * multiple)"]))
                    let start = Date()
                    _ = try model.fit(x, labels: train.intLabels, options: FitOptions(seed: 0))
                    let fit = Date().timeIntervalSince(start)
                    let report = ClassificationReport(truth: validation.intLabels, predicted: try model.predict(v))
                    print(String(format: "search nComponents=%@ (%d) C=%g gamma=%.5f (%.1f×scale): validation %.2f %%, fit %.1f s, %d SVs",
                                 components, x.columns, c, scale * multiple, multiple, report.accuracy * 100, fit,
                                 model.supportClasses.count))
                }
            }
        }
    }
}
