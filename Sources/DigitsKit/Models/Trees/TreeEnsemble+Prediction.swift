extension TreeEnsemble {
    /// The mean of the trees' leaf distributions for each row of `x` (scikit-learn's
    /// `predict_proba`), rows spread over the cores.
    func probabilities(_ x: Matrix) -> Matrix {
        var result = Matrix(rows: x.rows, columns: Self.classCount)
        let classes = Self.classCount, columns = x.columns, rowCount = x.rows, trees = treeCount
        let scale = 1 / Float(trees)
        // Rows go through the trees in blocks, so one tree's nodes serve a whole block from cache.
        let block = 64
        x.storage.withUnsafeBufferPointer { x in
            result.storage.withUnsafeMutableBufferPointer { out in
                treeStarts.withUnsafeBufferPointer { starts in
                    feature.withUnsafeBufferPointer { feature in
                        threshold.withUnsafeBufferPointer { threshold in
                            left.withUnsafeBufferPointer { left in
                                right.withUnsafeBufferPointer { right in
                                    value.withUnsafeBufferPointer { value in
                                        parallelRanges((rowCount + block - 1) / block) { blocks in
                                            for b in blocks {
                                                let rows = b * block ..< min((b + 1) * block, rowCount)
                                                for t in 0..<trees {
                                                    let base = Int(starts[t])
                                                    for r in rows {
                                                        let row = x.baseAddress! + r * columns
                                                        var node = base
                                                        while left[node] >= 0 {
                                                            let next = row[Int(feature[node])] <= threshold[node] ? left[node] : right[node]
                                                            node = base + Int(next)
                                                        }
                                                        let target = out.baseAddress! + r * classes
                                                        let source = value.baseAddress! + node * classes
                                                        for c in 0..<classes { target[c] += source[c] }
                                                    }
                                                }
                                                for r in rows {
                                                    for c in 0..<classes { out[r * classes + c] *= scale }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return result
    }
}
