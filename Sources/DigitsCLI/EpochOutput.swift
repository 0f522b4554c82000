import DigitsKit
import Foundation

/// Per-epoch lines of `digits train` for models trained in epochs: a human line with an ETA,
/// or one JSON object per line (`--json`), printed as each epoch ends.
struct EpochOutput {
    let json: Bool

    func print(_ report: EpochReport, elapsed: Double) {
        if json {
            let object: [String: Any] = [
                "epoch": report.epoch, "epochs": report.epochs, "seconds": report.seconds, "loss": report.loss,
                "train_accuracy": report.trainAccuracy, "learning_rate": report.learningRate,
                "validation_accuracy": report.validationAccuracy.map { $0 as Any } ?? NSNull(),
            ]
            if let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) {
                Swift.print(String(decoding: data, as: UTF8.self))
            }
            fflush(nil)
            return
        }
        let validation = report.validationAccuracy.map { String(format: "  validation %.2f %%", $0 * 100) } ?? ""
        let remaining = Double(report.epochs - report.epoch) * elapsed / Double(max(1, report.epoch))
        Swift.print(String(format: "epoch %d/%d  loss %.4f  train %.2f %%%@  %.1f s  ETA %@", report.epoch, report.epochs,
                           report.loss, report.trainAccuracy * 100, validation, report.seconds, Self.duration(remaining)))
        // Lines appear as epochs end even when standard output is a file or a pipe.
        fflush(nil)
    }

    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return whole >= 60 ? "\(whole / 60) min \(whole % 60) s" : "\(whole) s"
    }
}
