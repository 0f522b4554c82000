extension SVC {
    /// The pair decision values, `rows × pairs` (scikit-learn's `decision_function` with
    /// `decision_function_shape="ovo"`): positive means the pair's first digit.
    public func decisionValues(_ x: Matrix) throws -> Matrix {
        guard let expansion = fitted?.expansion else { throw ClassifierError.notFitted(kind: Self.kind) }
        guard x.columns == expansion.supportVectors.columns else {
            throw ClassifierError.featureCountMismatch(kind: Self.kind, expected: expansion.supportVectors.columns, got: x.columns)
        }
        return expansion.evaluate(x)
    }

    /// With `probability`, libsvm's calibrated probabilities: Platt sigmoids per pair, coupled
    /// into one distribution. Their argmax can, rarely, differ from the vote (as in
    /// scikit-learn, where `predict` and `predict_proba` may disagree); here `predict` follows them.
    ///
    /// Without it, vote shares smoothed by the decision values, built so that their argmax is
    /// exactly libsvm's vote (ties to the lower digit): each digit scores its votes plus its
    /// summed decision values squashed into (−¼, ¼) (scikit-learn's `ovr` decision shape, at a
    /// smaller scale), the vote winner gets ½ more, and the scores shifted by ¼ are normalised.
    public func probabilities(_ x: Matrix) throws -> Matrix {
        let decisions = try decisionValues(x)
        let pairs = Self.pairs(classCount: classes.count)
        var result = Matrix(rows: x.rows, columns: Dataset.classCount)
        let (plattA, plattB) = (fitted?.plattA ?? [], fitted?.plattB ?? [])
        let calibrated = parameters.probability && plattA.count == pairs.count && plattB.count == pairs.count
        result.storage.withUnsafeMutableBufferPointer { output in
            parallelRanges(x.rows, minimumChunk: 64) { range in
                for r in range {
                    let row = (0..<pairs.count).map { decisions[r, $0] }
                    let distribution = calibrated
                        ? coupledProbabilities(row, pairs: pairs, plattA: plattA, plattB: plattB)
                        : voteShares(row, pairs: pairs)
                    for (position, digit) in classes.enumerated() {
                        output[r * Dataset.classCount + digit] = Float(distribution[position])
                    }
                }
            }
        }
        return result
    }

    private func coupledProbabilities(_ decisions: [Float], pairs: [(Int, Int)], plattA: [Float], plattB: [Float]) -> [Double] {
        let k = classes.count
        var r = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        for (p, (a, b)) in pairs.enumerated() {
            r[a][b] = PlattSigmoid.probability(decision: decisions[p], a: plattA[p], b: plattB[p])
            r[b][a] = 1 - r[a][b]
        }
        return PlattSigmoid.couple(r)
    }

    private func voteShares(_ decisions: [Float], pairs: [(Int, Int)]) -> [Double] {
        let k = classes.count
        var votes = [Double](repeating: 0, count: k)
        var confidence = [Double](repeating: 0, count: k)
        for (p, (a, b)) in pairs.enumerated() {
            let value = Double(decisions[p])
            votes[value > 0 ? a : b] += 1
            confidence[a] += value
            confidence[b] -= value
        }
        // The first digit with the most votes, as libsvm's `svm_predict_values`.
        var winner = 0
        for c in 1..<k where votes[c] > votes[winner] { winner = c }
        var scores = (0..<k).map { c in votes[c] + confidence[c] / (4 * (abs(confidence[c]) + 1)) + 0.25 }
        scores[winner] += 0.5
        let total = scores.reduce(0, +)
        return scores.map { $0 / total }
    }
}
