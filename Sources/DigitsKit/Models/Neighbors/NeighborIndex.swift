import Foundation

/// Stored rows searched by brute force for the exact nearest neighbours of queries.
///
/// Distances come from one large BLAS product per block of queries (‖x‖² + ‖y‖² − 2·x·yᵀ for
/// euclidean, x·yᵀ / ‖x‖‖y‖ for cosine), which is fast but rounded in single precision. So the
/// product only shortlists: every stored row whose approximate distance is within the rounding
/// bound of the k-th best is re-measured exactly (in `Double`, column by column, as a plain
/// brute-force search would), and the k best by exact distance win, equal distances going to
/// the row stored first. The answer is therefore the brute-force one, at the speed of the GEMM.
struct NeighborIndex: Sendable {
    enum Metric: String, Sendable, CaseIterable {
        case euclidean, cosine
    }

    let metric: Metric
    /// The stored rows, as given (no copy is made).
    let rows: Matrix
    /// The columns in which some stored row is non-zero, ascending. The other columns add the
    /// same amount to a query's distance from every row, so large searches leave them out of
    /// the product (67 of MNIST's 784 pixels are blank in every training image).
    let keptColumns: [Int]
    private let squaredNorms: [Float]
    private let inverseNorms: [Float]
    private let largestSquaredNorm: Double

    var count: Int { rows.rows }
    var featureCount: Int { rows.columns }

    /// An index over the rows of `x`, or nil when one of them is infinite or NaN.
    init?(rows x: Matrix, metric: Metric) {
        let width = x.columns
        var norms = [Float](repeating: 0, count: x.rows)
        // Per worker: the largest |value| of each column and Σ value·0, which is NaN as soon as
        // one value is infinite or NaN; both vectorise, unlike early exits.
        var largest = [[Float]](repeating: [Float](repeating: 0, count: width), count: workerCount)
        var probes = [[Float]](repeating: [Float](repeating: 0, count: width), count: workerCount)
        x.storage.withUnsafeBufferPointer { values in
            norms.withUnsafeMutableBufferPointer { norms in
                largest.withUnsafeMutableBufferPointer { largest in
                    probes.withUnsafeMutableBufferPointer { probes in
                        let chunk = (x.rows + workerCount - 1) / max(1, workerCount)
                        parallelFor(workerCount) { worker in
                            let range = min(x.rows, worker * chunk)..<min(x.rows, (worker + 1) * chunk)
                            largest[worker].withUnsafeMutableBufferPointer { big in
                                probes[worker].withUnsafeMutableBufferPointer { probe in
                                    for r in range {
                                        let row = values.baseAddress! + r * width
                                        for c in 0..<width {
                                            big[c] = max(big[c], abs(row[c]))
                                            probe[c] += row[c] * 0
                                        }
                                        norms[r] = squaredNorm(row, count: width)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        guard probes.allSatisfy({ $0.allSatisfy { $0 == 0 } }) else { return nil }
        self.metric = metric
        self.rows = x
        keptColumns = (0..<width).filter { c in largest.contains { $0[c] != 0 } }
        squaredNorms = norms
        inverseNorms = norms.map { $0 > 0 ? 1 / $0.squareRoot() : 0 }
        largestSquaredNorm = Double(norms.max() ?? 0)
    }

    /// The `k` nearest stored rows of every query row (full `featureCount` columns), nearest first.
    ///
    /// OpenBLAS packs all the stored rows again for every product, so query blocks are large:
    /// 1024 queries × 60000 rows is 245 MB of products, streamed once by the selection (6 %
    /// less CPU time than blocks of 256 on MNIST).
    func search(_ queries: Matrix, k: Int, queriesPerBlock block: Int = 1024) -> Neighbors {
        var result = Neighbors(k: k, indices: [Int](repeating: 0, count: queries.rows * k),
                               distances: [Double](repeating: 0, count: queries.rows * k))
        // Gathering the non-blank columns costs about as much as 500 queries' products save.
        let columns = queries.rows >= 1000 && keptColumns.count < featureCount ? keptColumns : Array(0..<featureCount)
        let operand = columns.count < featureCount ? Self.gather(rows, columns: columns) : rows
        var products = Matrix(rows: 0, columns: 0)
        for start in stride(from: 0, to: queries.rows, by: block) {
            let end = min(queries.rows, start + block)
            let kept = Self.gather(queries, columns: columns, rows: start..<end)
            if products.rows != end - start { products = Matrix(rows: end - start, columns: count) }
            Matrix.gemm(kept, operand, transposeB: true, into: &products)
            result.indices.withUnsafeMutableBufferPointer { indices in
                result.distances.withUnsafeMutableBufferPointer { distances in
                    parallelRanges(end - start) { range in
                        var search = RowSearch(index: self, k: k)
                        for r in range {
                            let neighbours = search.nearest(
                                query: queries, row: start + r, keptQuery: kept, keptRow: r, products: products)
                            for (slot, neighbour) in neighbours.enumerated() {
                                indices[(start + r) * k + slot] = neighbour.index
                                distances[(start + r) * k + slot] = neighbour.distance
                            }
                        }
                    }
                }
            }
        }
        return result
    }

    /// The columns `columns` of rows `rows` of `x`.
    static func gather(_ x: Matrix, columns: [Int], rows: Range<Int>? = nil) -> Matrix {
        let rows = rows ?? 0..<x.rows
        var result = Matrix(rows: rows.count, columns: columns.count)
        x.storage.withUnsafeBufferPointer { source in
            result.storage.withUnsafeMutableBufferPointer { target in
                columns.withUnsafeBufferPointer { columns in
                    parallelRanges(rows.count, minimumChunk: 64) { chunk in
                        for r in chunk {
                            let from = source.baseAddress! + (rows.lowerBound + r) * x.columns
                            let to = target.baseAddress! + r * columns.count
                            for c in 0..<columns.count { to[c] = from[columns[c]] }
                        }
                    }
                }
            }
        }
        return result
    }

    /// The exact distance between a query and a stored row, summed in `Double` over all
    /// columns in order: the definition the fast search reproduces.
    fileprivate func exactDistance(query: UnsafePointer<Float>, row expanded: UnsafePointer<Float>) -> Double {
        switch metric {
        case .euclidean:
            var total = 0.0
            for c in 0..<featureCount {
                let d = Double(query[c]) - Double(expanded[c])
                total += d * d
            }
            return total.squareRoot()
        case .cosine:
            var dot = 0.0, queryNorm = 0.0, rowNorm = 0.0
            for c in 0..<featureCount {
                let x = Double(query[c]), y = Double(expanded[c])
                dot += x * y
                queryNorm += x * x
                rowNorm += y * y
            }
            // scikit-learn: a zero vector is at cosine distance 1 from everything.
            guard queryNorm > 0, rowNorm > 0 else { return 1 }
            return min(2, max(0, 1 - dot / (queryNorm.squareRoot() * rowNorm.squareRoot())))
        }
    }

    /// The approximate scores of one query row (smaller is nearer) and how far a score may be
    /// from the exact one, given the rounding of a single-precision product over `width` columns.
    fileprivate func approximateScores(
        products: UnsafePointer<Float>, keptQuery: UnsafePointer<Float>, width: Int, into scores: UnsafeMutablePointer<Float>
    ) -> Float {
        let querySquaredNorm = squaredNorm(keptQuery, count: width)
        // γₙ = n·u / (1 − n·u) bounds the relative error of an n-term dot product in any order
        // (Higham, Accuracy and Stability, §3.1); two scores each off by at most e can swap
        // order only when they are within 2e, and 4γₙ(‖x‖² + max‖y‖²) covers 2e with room.
        let n = Double(width + 2)
        let gamma = n * 0x1p-24 / (1 - n * 0x1p-24)
        let n0 = count
        switch metric {
        case .euclidean:
            // ‖y‖² − 2·x·y: the query's own norm is the same for every row.
            squaredNorms.withUnsafeBufferPointer { norms in
                for j in 0..<n0 { scores[j] = norms[j] - 2 * products[j] }
            }
            return Float(4 * gamma * (Double(querySquaredNorm) + largestSquaredNorm)) + .leastNormalMagnitude
        case .cosine:
            // −x·y / ‖y‖, which orders rows as the cosine distance does; the error of the
            // cosine itself is below 2γₙ, here scaled by ‖x‖.
            inverseNorms.withUnsafeBufferPointer { inverse in
                for j in 0..<n0 { scores[j] = -(products[j] * inverse[j]) }
            }
            return Float(4 * gamma * Double(querySquaredNorm.squareRoot())) + .leastNormalMagnitude
        }
    }
}

/// The neighbours of each query: `k` per query, row after row, nearest first.
struct Neighbors: Sendable {
    let k: Int
    var indices: [Int]
    var distances: [Double]
}

/// Scratch space for finding one query's neighbours; one per worker.
private struct RowSearch {
    let index: NeighborIndex
    let k: Int
    var scores: [Float]
    var smallest: [Float]
    var candidates: [(distance: Double, index: Int)] = []

    init(index: NeighborIndex, k: Int) {
        self.index = index
        self.k = k
        scores = [Float](repeating: 0, count: index.count)
        smallest = [Float](repeating: .infinity, count: k)
    }

    mutating func nearest(query queries: Matrix, row: Int, keptQuery: Matrix, keptRow: Int, products: Matrix)
        -> ArraySlice<(distance: Double, index: Int)>
    {
        let n = index.count
        let margin = products.storage.withUnsafeBufferPointer { p in
            keptQuery.storage.withUnsafeBufferPointer { q in
                scores.withUnsafeMutableBufferPointer { s in
                    index.approximateScores(products: p.baseAddress! + keptRow * n,
                                            keptQuery: q.baseAddress! + keptRow * keptQuery.columns,
                                            width: keptQuery.columns, into: s.baseAddress!)
                }
            }
        }
        let threshold = (kthSmallestScore() + margin).nextUp
        candidates.removeAll(keepingCapacity: true)
        scores.withUnsafeBufferPointer { s in
            var j = 0
            let limit = SIMD16<Float>(repeating: threshold)
            while j + 16 <= n {
                if any(Self.chunk(s, at: j) .< limit) {
                    for lane in j..<(j + 16) where s[lane] < threshold { candidates.append((0, lane)) }
                }
                j += 16
            }
            for lane in j..<n where s[lane] < threshold { candidates.append((0, lane)) }
        }
        if candidates.count < k {
            // Only non-finite scores (overflowing inputs) get here: measure every row instead.
            candidates = (0..<n).map { (0, $0) }
        }
        let width = index.featureCount
        index.rows.storage.withUnsafeBufferPointer { stored in
            queries.storage.withUnsafeBufferPointer { query in
                for i in candidates.indices {
                    let distance = index.exactDistance(query: query.baseAddress! + row * width,
                                                       row: stored.baseAddress! + candidates[i].index * width)
                    candidates[i].distance = distance.isNaN ? .infinity : distance
                }
            }
        }
        candidates.sort { $0.distance < $1.distance || ($0.distance == $1.distance && $0.index < $1.index) }
        return candidates[..<k]
    }

    /// The k-th smallest of `scores`, skipping 16 at a time while none can enter the k best.
    private mutating func kthSmallestScore() -> Float {
        let k = self.k
        var bound = Float.infinity
        scores.withUnsafeBufferPointer { s in
            smallest.withUnsafeMutableBufferPointer { best in
                for i in 0..<k { best[i] = .infinity }
                func offer(_ value: Float) {
                    var slot = k - 1
                    while slot > 0 && best[slot - 1] > value {
                        best[slot] = best[slot - 1]
                        slot -= 1
                    }
                    best[slot] = value
                    bound = best[k - 1]
                }
                let n = s.count
                var j = 0
                while j + 16 <= n {
                    if any(Self.chunk(s, at: j) .< SIMD16<Float>(repeating: bound)) {
                        for lane in j..<(j + 16) where s[lane] < bound { offer(s[lane]) }
                    }
                    j += 16
                }
                for lane in j..<n where s[lane] < bound { offer(s[lane]) }
            }
        }
        return bound
    }

    @inline(__always)
    private static func chunk(_ s: UnsafeBufferPointer<Float>, at j: Int) -> SIMD16<Float> {
        UnsafeRawPointer(s.baseAddress! + j).loadUnaligned(as: SIMD16<Float>.self)
    }
}

/// Σ xᵢ² in sixteen lanes (a fixed order, so the same rows always give the same norms).
private func squaredNorm(_ x: UnsafePointer<Float>, count: Int) -> Float {
    var lanes = SIMD16<Float>()
    var c = 0
    while c + 16 <= count {
        let v = UnsafeRawPointer(x + c).loadUnaligned(as: SIMD16<Float>.self)
        lanes += v * v
        c += 16
    }
    var total = lanes.sum()
    while c < count {
        total += x[c] * x[c]
        c += 1
    }
    return total
}
