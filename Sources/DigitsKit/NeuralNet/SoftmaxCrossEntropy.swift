import Foundation

/// The mean cross-entropy of softmax(logits) against integer labels, computed through
/// log-sum-exp (never log of a probability, which underflows on confident logits), with the
/// fused gradient (p − q) / N written over the logits. q is the label's one-hot vector, or with
/// label smoothing ε, (1 − ε)·one-hot + ε/K: the target no longer asks for infinite logits, so
/// a network stops pushing its margins on the training digits it already reads.
enum SoftmaxCrossEntropy {
    struct Result {
        /// Mean over the batch.
        var loss: Double
        /// How many rows had their label as the largest logit.
        var correct: Int
    }

    /// Logits are (N, K); on return they hold d(mean loss)/d(logits).
    static func lossAndGradient(_ logits: UnsafeMutablePointer<Float>, labels: UnsafePointer<Int32>,
                                batch: Int, classes: Int, smoothing: Float = 0) -> Result {
        var total = 0.0
        var correct = 0
        let scale = 1 / Float(batch)
        let spread = Double(smoothing) / Double(classes)
        for n in 0..<batch {
            let row = logits + n * classes
            let label = Int(labels[n])
            var largest = row[0], best = 0
            for k in 1..<classes where row[k] > largest { largest = row[k]; best = k }
            if best == label { correct += 1 }
            // Shifted logits in Double: their sum stays finite for logits near ±Float.greatestFiniteMagnitude.
            var shiftedTarget = (1 - Double(smoothing)) * (Double(row[label]) - Double(largest))
            var sum: Float = 0
            for k in 0..<classes {
                if smoothing > 0 { shiftedTarget += spread * (Double(row[k]) - Double(largest)) }
                row[k] = exp(row[k] - largest)
                sum += row[k]
            }
            // −Σ q log p = log Σ exp(z − max) − Σ q (z − max): finite however large the logits.
            total += Double(log(sum)) - shiftedTarget
            let inverse = 1 / sum
            let floor = Float(spread) * scale
            for k in 0..<classes { row[k] = row[k] * inverse * scale - floor }
            row[label] -= (1 - smoothing) * scale
        }
        return Result(loss: total / Double(batch), correct: correct)
    }
}
