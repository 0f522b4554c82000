import Foundation

/// The mean cross-entropy of softmax(logits) against integer labels, computed through
/// log-sum-exp (never log of a probability, which underflows on confident logits), with the
/// fused gradient (p − y) / N written over the logits.
enum SoftmaxCrossEntropy {
    struct Result {
        /// Mean over the batch.
        var loss: Double
        /// How many rows had their label as the largest logit.
        var correct: Int
    }

    /// Logits are (N, K); on return they hold d(mean loss)/d(logits).
    static func lossAndGradient(_ logits: UnsafeMutablePointer<Float>, labels: UnsafePointer<Int32>,
                                batch: Int, classes: Int) -> Result {
        var total = 0.0
        var correct = 0
        let scale = 1 / Float(batch)
        for n in 0..<batch {
            let row = logits + n * classes
            let label = Int(labels[n])
            var largest = row[0], best = 0
            for k in 1..<classes where row[k] > largest { largest = row[k]; best = k }
            if best == label { correct += 1 }
            let shiftedLabel = Double(row[label]) - Double(largest)
            var sum: Float = 0
            for k in 0..<classes {
                row[k] = exp(row[k] - largest)
                sum += row[k]
            }
            // −log p(label) = log Σ exp(z − max) − (z_label − max): finite however large the logits.
            total += Double(log(sum)) - shiftedLabel
            let inverse = 1 / sum
            for k in 0..<classes { row[k] = row[k] * inverse * scale }
            row[label] -= scale
        }
        return Result(loss: total / Double(batch), correct: correct)
    }
}
