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
