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
    let featureCount: Int
    /// The columns in which some stored row is non-zero, ascending. The other columns add the
    /// same amount to a query's distance from every row, so the product skips them (67 of
    /// MNIST's 784 pixels are blank in every training image).
    let keptColumns: [Int]
    /// The stored rows, restricted to `keptColumns`.
    let rows: Matrix
    private let squaredNorms: [Float]
    private let inverseNorms: [Float]
    private let largestSquaredNorm: Double

    var count: Int { rows.rows }

    /// An index over every row of `x`.
    init(rows x: Matrix, metric: Metric) {
        var used = [Bool](repeating: false, count: x.columns)
        x.storage.withUnsafeBufferPointer { values in
            for r in 0..<x.rows {
                for c in 0..<x.columns where values[r * x.columns + c] != 0 { used[c] = true }
            }
        }
        let kept = used.indices.filter { used[$0] }
        self.init(keptRows: Self.gather(x, columns: kept), keptColumns: kept, featureCount: x.columns, metric: metric)
    }

    /// An index over rows already restricted to `keptColumns` (a model file's contents).
    init(keptRows: Matrix, keptColumns: [Int], featureCount: Int, metric: Metric) {
        self.metric = metric
        self.featureCount = featureCount
        self.keptColumns = keptColumns
        self.rows = keptRows
        var norms = [Float](repeating: 0, count: keptRows.rows)
        keptRows.storage.withUnsafeBufferPointer { values in
            for r in 0..<keptRows.rows {
                var total: Float = 0
                for c in 0..<keptRows.columns {
                    let v = values[r * keptRows.columns + c]
                    total += v * v
                }
                norms[r] = total
            }
        }
        squaredNorms = norms
        inverseNorms = norms.map { $0 > 0 ? 1 / $0.squareRoot() : 0 }
        largestSquaredNorm = Double(norms.max() ?? 0)
    }

    /// The `k` nearest stored rows of every query row (full `featureCount` columns), nearest first.
    func search(_ queries: Matrix, k: Int, queriesPerBlock block: Int = 256) -> Neighbors {
        var result = Neighbors(k: k, indices: [Int](repeating: 0, count: queries.rows * k),
                               distances: [Double](repeating: 0, count: queries.rows * k))
        // 256 queries × 60000 rows of products is 61 MB: large enough for BLAS to run near
        // peak, small enough to stream once through the selection.
        var products = Matrix(rows: 0, columns: 0)
        for start in stride(from: 0, to: queries.rows, by: block) {
            let end = min(queries.rows, start + block)
            let kept = Self.gather(queries, columns: keptColumns, rows: start..<end)
            if products.rows != end - start { products = Matrix(rows: end - start, columns: count) }
            Matrix.gemm(kept, rows, transposeB: true, into: &products)
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
                for (r, row) in rows.enumerated() {
                    for (c, column) in columns.enumerated() {
                        target[r * columns.count + c] = source[row * x.columns + column]
                    }
                }
            }
        }
        return result
    }

    /// The exact distance between a query and stored row `index`, summed in `Double` over all
    /// columns in order: the definition the fast search reproduces.
    fileprivate func exactDistance(query: UnsafeBufferPointer<Float>, row expanded: UnsafeBufferPointer<Float>) -> Double {
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
    /// from the exact one, given the rounding of a single-precision product over `keptColumns`.
    fileprivate func approximateScores(
        products: UnsafePointer<Float>, keptQuery: UnsafePointer<Float>, into scores: UnsafeMutablePointer<Float>
    ) -> Float {
        var querySquaredNorm: Float = 0
        for c in 0..<keptColumns.count { querySquaredNorm += keptQuery[c] * keptQuery[c] }
        // γₙ = n·u / (1 − n·u) bounds the relative error of an n-term dot product in any order
        // (Higham, Accuracy and Stability, §3.1); two scores each off by at most e can swap
        // order only when they are within 2e, and 4γₙ(‖x‖² + max‖y‖²) covers 2e with room.
        let n = Double(keptColumns.count + 2)
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
    var query: [Float]
    var expanded: [Float]

    init(index: NeighborIndex, k: Int) {
        self.index = index
        self.k = k
        scores = [Float](repeating: 0, count: index.count)
        smallest = [Float](repeating: .infinity, count: k)
        query = [Float](repeating: 0, count: index.featureCount)
        expanded = [Float](repeating: 0, count: index.featureCount)
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
                                            into: s.baseAddress!)
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
        for c in 0..<index.featureCount { query[c] = queries.storage[row * queries.columns + c] }
        let width = index.keptColumns.count
        index.rows.storage.withUnsafeBufferPointer { stored in
            query.withUnsafeBufferPointer { query in
                expanded.withUnsafeMutableBufferPointer { expanded in
                    for i in candidates.indices {
                        let j = candidates[i].index
                        for (c, column) in index.keptColumns.enumerated() { expanded[column] = stored[j * width + c] }
                        let distance = index.exactDistance(query: query, row: UnsafeBufferPointer(expanded))
                        candidates[i].distance = distance.isNaN ? .infinity : distance
                    }
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
