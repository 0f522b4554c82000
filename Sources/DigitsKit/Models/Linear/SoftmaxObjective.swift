import Foundation

/// The penalised mean cross-entropy of a linear softmax model over ten classes, and its gradient:
/// the function L-BFGS minimises for `LogisticRegression`.
///
/// Parameters are packed as `W` (features × 10, row-major) followed by the ten intercepts.
/// Rather than two BLAS products (scores = X·W, then Xᵀ·(P − Y)), which each stream the whole
/// feature matrix from memory for a product only ten columns wide, one fused pass per block of
/// four rows computes the scores, the softmax and the gradient contribution while the rows are
/// still in the L1 cache. Weights and gradients are held as `SIMD16<Float>` rows (ten classes
/// padded to sixteen lanes), and blocks of rows are spread over the cores.
struct SoftmaxObjective {
    static let classes = 10
    let x: Matrix
    let labels: [Int]
    let C: Double

    func unpack(_ packed: [Double]) -> (Matrix, [Float]) {
        let count = x.columns * Self.classes
        let weights = Matrix(rows: x.columns, columns: Self.classes, storage: packed[..<count].map { Float($0) })
        return (weights, packed[count...].map { Float($0) })
    }

    func evaluate(_ packed: [Double]) -> (value: Double, gradient: [Double]) {
        let n = x.rows, d = x.columns, k = Self.classes
        var weights = [SIMD16<Float>](repeating: .zero, count: d)
        for j in 0..<d {
            for c in 0..<k { weights[j][c] = Float(packed[j * k + c]) }
        }
        var intercepts = SIMD16<Float>(repeating: 0)
        for c in 0..<k { intercepts[c] = Float(packed[d * k + c]) }

        // A fixed number of chunks, summed in a fixed order, so the result does not depend on
        // how many cores run them: the same seed gives the same model on any machine.
        let workers = min(16, max(1, n / 256))
        var partialGradients = [SIMD16<Float>](repeating: .zero, count: workers * d)
        var partialIntercepts = [SIMD16<Double>](repeating: .zero, count: workers)
        var partialLosses = [Double](repeating: 0, count: workers)
        x.storage.withUnsafeBufferPointer { xs in
            weights.withUnsafeBufferPointer { w in
                partialGradients.withUnsafeMutableBufferPointer { gradients in
                    partialIntercepts.withUnsafeMutableBufferPointer { interceptSums in
                        partialLosses.withUnsafeMutableBufferPointer { losses in
                            let rowsPerWorker = (n + workers - 1) / workers
                            parallelFor(workers) { worker in
                                let rows = (worker * rowsPerWorker)..<min(n, (worker + 1) * rowsPerWorker)
                                let block = Block(x: xs.baseAddress!, columns: d, labels: labels, weights: w.baseAddress!,
                                                  intercepts: intercepts, gradient: gradients.baseAddress! + worker * d)
                                let (loss, interceptGradient) = block.accumulate(rows: rows)
                                losses[worker] = loss
                                interceptSums[worker] = interceptGradient
                            }
                        }
                    }
                }
            }
        }

        let inverseN = 1 / Double(n)
        let penalty = 1 / (C * Double(n))
        var gradient = [Double](repeating: 0, count: packed.count)
        var squaredNorm = 0.0
        for j in 0..<d {
            var sum = SIMD16<Float>(repeating: 0)
            for worker in 0..<workers { sum += partialGradients[worker * d + j] }
            for c in 0..<k {
                let w = packed[j * k + c]
                squaredNorm += w * w
                gradient[j * k + c] = Double(sum[c]) * inverseN + penalty * w
            }
        }
        let interceptGradient = partialIntercepts.reduce(SIMD16<Double>(repeating: 0), +)
        for c in 0..<k { gradient[d * k + c] = interceptGradient[c] * inverseN }
        let loss = partialLosses.reduce(0, +) * inverseN + 0.5 * penalty * squaredNorm
        return (loss, gradient)
    }
}

/// One worker's share of the fused pass: rows four at a time.
private struct Block {
    let x: UnsafePointer<Float>
    let columns: Int
    let labels: [Int]
    let weights: UnsafePointer<SIMD16<Float>>
    let intercepts: SIMD16<Float>
    /// This worker's own gradient rows (features × 16), summed over its rows.
    let gradient: UnsafeMutablePointer<SIMD16<Float>>

    /// Returns the summed cross-entropy and the summed intercept gradient of `rows`.
    func accumulate(rows: Range<Int>) -> (Double, SIMD16<Double>) {
        var loss = 0.0
        var interceptGradient = SIMD16<Double>(repeating: 0)
        for r in stride(from: rows.lowerBound, to: rows.upperBound, by: 4) {
            // Spare lanes of a short last group get a zero residual, which adds exactly nothing.
            let last = min(r + 4, rows.upperBound) - 1
            let group = RowScorer.rowGroup(x, first: r, last: last, columns: columns)
            let (x0, x1, x2, x3) = group
            let (z0, z1, z2, z3) = RowScorer.scores(group, columns: columns, weights: weights, intercepts: intercepts)
            let g0 = residual(z0, label: labels[r], loss: &loss)
            let g1 = r + 1 <= last ? residual(z1, label: labels[r + 1], loss: &loss) : .zero
            let g2 = r + 2 <= last ? residual(z2, label: labels[r + 2], loss: &loss) : .zero
            let g3 = r + 3 <= last ? residual(z3, label: labels[r + 3], loss: &loss) : .zero
            for j in 0..<columns {
                var sum = gradient[j]
                sum.addProduct(SIMD16(repeating: x0[j]), g0)
                sum.addProduct(SIMD16(repeating: x1[j]), g1)
                sum.addProduct(SIMD16(repeating: x2[j]), g2)
                sum.addProduct(SIMD16(repeating: x3[j]), g3)
                gradient[j] = sum
            }
            interceptGradient += SIMD16<Double>(g0 + g1 + g2 + g3)
        }
        return (loss, interceptGradient)
    }

    /// Softmax probabilities minus the one-hot label (zero in the six padding lanes), adding
    /// −log p(label) to `loss` in the log-sum-exp form.
    @inline(__always)
    private func residual(_ scores: SIMD16<Float>, label: Int, loss: inout Double) -> SIMD16<Float> {
        var largest = -Float.infinity
        for c in 0..<SoftmaxObjective.classes { largest = max(largest, scores[c]) }
        var probabilities = SIMD16<Float>(repeating: 0)
        var total: Float = 0
        for c in 0..<SoftmaxObjective.classes {
            probabilities[c] = exp(scores[c] - largest)
            total += probabilities[c]
        }
        loss += Double(log(total)) - Double(scores[label] - largest)
        probabilities /= SIMD16(repeating: total)
        probabilities[label] -= 1
        return probabilities
    }
}
