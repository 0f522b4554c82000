/// Prediction from raw grey levels: the pipeline's per-feature transforms (pixel scaling,
/// standardisation) are folded into the weights, and one fused pass computes the scores of
/// the raw rows while they are in cache, instead of converting them to a float matrix,
/// transforming that matrix and multiplying it.
extension LinearClassifier {
    public func rawRowsPredictor(after transforms: [any Transform]) -> RawRowsPredictor? {
        guard isFitted, let scorer = foldedWeights(transforms) else { return nil }
        let columns = weights.rows
        return RawRowsPredictor(columns: columns) { rows in
            switch rows {
            case let .bytes(values): return probabilities(scores: scorer.scores(values, columns: columns))
            case let .floats(values): return probabilities(scores: scorer.scores(values, columns: columns))
            }
        }
    }

    /// The weights that give raw rows the scores their transformed rows get, or nil when a
    /// transform is not per-feature affine. If a transform maps `y` to `z = (y − shift)·scale`,
    /// then `z·W + b = y·(scale ⊙ W) + (b − (shift ⊙ scale)·W)`; folding runs from the last
    /// transform back to the first, in `Double`.
    private func foldedWeights(_ transforms: [any Transform]) -> RowScorer? {
        let features = weights.rows, classes = weights.columns
        var w = weights.storage.map(Double.init)
        var b = intercepts.map(Double.init)
        for transform in transforms.reversed() {
            guard let affine = (transform as? any AffineTransform)?.affine(featureCount: features) else { return nil }
            for j in 0..<features {
                let shift = Double(affine.shift[j]), scale = Double(affine.scale[j])
                for c in 0..<classes {
                    b[c] -= shift * scale * w[j * classes + c]
                    w[j * classes + c] *= scale
                }
            }
        }
        return RowScorer(weights: w, intercepts: b, classes: classes)
    }
}

/// `x · W + b` for ten classes, four rows at a time, with each weight row one SIMD vector.
struct RowScorer: Sendable {
    static let lanes = 4
    let classes: Int
    /// One row per feature, the classes in the first lanes.
    let weights: [SIMD16<Float>]
    let intercepts: SIMD16<Float>

    init(weights: [Double], intercepts: [Double], classes: Int) {
        self.classes = classes
        self.weights = stride(from: 0, to: weights.count, by: classes).map { start in
            var row = SIMD16<Float>.zero
            for c in 0..<classes { row[c] = Float(weights[start + c]) }
            return row
        }
        var bias = SIMD16<Float>.zero
        for c in 0..<classes { bias[c] = Float(intercepts[c]) }
        self.intercepts = bias
    }

    func scores<Value: GreyLevel>(_ x: UnsafeBufferPointer<Value>, columns: Int) -> Matrix {
        let rowCount = x.count / columns, classes = self.classes
        var result = Matrix(rows: rowCount, columns: classes)
        weights.withUnsafeBufferPointer { w in
            result.storage.withUnsafeMutableBufferPointer { out in
                parallelRanges(rowCount, minimumChunk: 512) { rows in
                    for first in stride(from: rows.lowerBound, to: rows.upperBound, by: Self.lanes) {
                        // A short last group repeats its last row in the spare lanes (and drops
                        // their scores), so every group runs the same four-row loop.
                        let last = min(first + Self.lanes, rows.upperBound) - 1
                        let x0 = x.baseAddress! + first * columns
                        let x1 = x.baseAddress! + min(first + 1, last) * columns
                        let x2 = x.baseAddress! + min(first + 2, last) * columns
                        let x3 = x.baseAddress! + min(first + 3, last) * columns
                        var z0 = intercepts, z1 = intercepts, z2 = intercepts, z3 = intercepts
                        for j in 0..<columns {
                            let row = w[j]
                            z0.addProduct(SIMD16(repeating: x0[j].floatValue), row)
                            z1.addProduct(SIMD16(repeating: x1[j].floatValue), row)
                            z2.addProduct(SIMD16(repeating: x2[j].floatValue), row)
                            z3.addProduct(SIMD16(repeating: x3[j].floatValue), row)
                        }
                        for (offset, z) in [z0, z1, z2, z3].enumerated() where first + offset <= last {
                            for c in 0..<classes { out[(first + offset) * classes + c] = z[c] }
                        }
                    }
                }
            }
        }
        return result
    }
}
