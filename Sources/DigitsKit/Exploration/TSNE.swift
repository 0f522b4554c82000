import Foundation

/// Barnes–Hut t-SNE to two dimensions, with scikit-learn's `TSNE` defaults: perplexity 30,
/// early exaggeration 12 for 250 iterations, 1000 iterations in all, learning rate "auto"
/// (max(N / 12 / 4, 50)), momentum 0.5 then 0.8, adaptive gains, θ = 0.5, and the embedding
/// initialised from PCA scaled to a standard deviation of 1e-4.
///
/// Input rows are first reduced to `inputComponents` (50) principal components, as the
/// t-SNE authors recommend for MNIST; affinities use the 3·perplexity nearest neighbours.
/// There is no randomness once the input is fixed (PCA initialisation), so the result is
/// the same on every run.
public struct TSNE: Sendable {
    public var perplexity: Double = 30
    public var iterations: Int = 1000
    public var exaggerationIterations: Int = 250
    public var earlyExaggeration: Double = 12
    public var theta: Double = 0.5
    public var inputComponents: Int = 50

    public init() {}

    /// A 2-column embedding of the rows of `x` (one row per image, any scale).
    public func embed(_ x: Matrix) throws -> Matrix {
        let n = x.rows
        guard n >= 3 else { throw TransformError.tooFewSamples(kind: "t-SNE", needed: 3, got: n) }
        let reduced = try principalComponents(x, count: min(inputComponents, x.columns, n))
        let affinities = Affinities(reduced, perplexity: min(perplexity, Double(n - 1) / 3))
        var start = try principalComponents(reduced, count: 2)
        // scikit-learn scales the PCA start so its first axis has standard deviation 1e-4.
        let first = (0..<n).map { Double(start[$0, 0]) }
        let mean = first.reduce(0, +) / Double(n)
        let spread = (first.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n)).squareRoot()
        let scale = spread > 0 ? Float(1e-4 / spread) : 1
        for i in start.storage.indices { start.storage[i] *= scale }
        return optimise(affinities, start: start)
    }

    private func principalComponents(_ x: Matrix, count: Int) throws -> Matrix {
        var pca = PCA(components: .count(count))
        return try pca.fitTransform(x)
    }

    private func optimise(_ p: Affinities, start: Matrix) -> Matrix {
        let n = start.rows
        var y = [Double](repeating: 0, count: 2 * n)
        for i in 0..<n { y[2 * i] = Double(start[i, 0]); y[2 * i + 1] = Double(start[i, 1]) }
        var update = [Double](repeating: 0, count: 2 * n)
        var gains = [Double](repeating: 1, count: 2 * n)
        var gradient = [Double](repeating: 0, count: 2 * n)
        let learningRate = max(Double(n) / earlyExaggeration / 4, 50)
        for iteration in 0..<iterations {
            let exaggerating = iteration < exaggerationIterations
            computeGradient(p, y: y, exaggeration: exaggerating ? earlyExaggeration : 1, into: &gradient)
            let momentum = exaggerating ? 0.5 : 0.8
            for k in 0..<(2 * n) {
                gains[k] = update[k] * gradient[k] < 0 ? gains[k] + 0.2 : max(gains[k] * 0.8, 0.01)
                update[k] = momentum * update[k] - learningRate * gains[k] * gradient[k]
                y[k] += update[k]
            }
        }
        return Matrix(rows: n, columns: 2, storage: y.map { Float($0) })
    }

    /// KL(P‖Q)'s gradient: 4·(Σ_j p_ij q_ij (y_i − y_j) − Σ_j q_ij² (y_i − y_j) / Z), the first
    /// sum over P's sparse neighbours, the second through the quadtree.
    private func computeGradient(_ p: Affinities, y: [Double], exaggeration: Double, into gradient: inout [Double]) {
        let n = y.count / 2
        let thetaSquared = theta * theta
        let chunks = max(1, min(workerCount * 4, n / 256))
        var partialZ = [Double](repeating: 0, count: chunks)
        let xs = (0..<n).map { y[2 * $0] }, ys = (0..<n).map { y[2 * $0 + 1] }
        xs.withUnsafeBufferPointer { xs in
            ys.withUnsafeBufferPointer { ys in
                let tree = QuadTree(x: xs, y: ys)
                gradient.withUnsafeMutableBufferPointer { grad in
                    partialZ.withUnsafeMutableBufferPointer { partialZ in
                        parallelFor(chunks) { chunk in
                            var stack: [Int32] = []
                            stack.reserveCapacity(256)
                            var z = 0.0
                            for i in stride(from: chunk * n / chunks, to: (chunk + 1) * n / chunks, by: 1) {
                                let force = tree.repulsion(point: i, x: xs[i], y: ys[i], thetaSquared: thetaSquared, stack: &stack)
                                z += force.z
                                // Repulsion is stored now and normalised once Z is known.
                                grad[2 * i] = force.fx
                                grad[2 * i + 1] = force.fy
                            }
                            partialZ[chunk] = z
                        }
                    }
                }
            }
        }
        let z = max(partialZ.reduce(0, +), .leastNormalMagnitude)
        p.columns.withUnsafeBufferPointer { columns in
            p.values.withUnsafeBufferPointer { values in
                gradient.withUnsafeMutableBufferPointer { grad in
                    parallelRanges(n, minimumChunk: 256) { range in
                        for i in range {
                            var ax = 0.0, ay = 0.0
                            for e in p.rowStart[i]..<p.rowStart[i + 1] {
                                let j = Int(columns[e])
                                let dx = y[2 * i] - y[2 * j], dy = y[2 * i + 1] - y[2 * j + 1]
                                let q = 1 / (1 + dx * dx + dy * dy)
                                let w = exaggeration * values[e] * q
                                ax += w * dx
                                ay += w * dy
                            }
                            grad[2 * i] = 4 * (ax - grad[2 * i] / z)
                            grad[2 * i + 1] = 4 * (ay - grad[2 * i + 1] / z)
                        }
                    }
                }
            }
        }
    }
}

/// The symmetric joint probabilities P of t-SNE, sparse (compressed rows): each point's
/// conditional distribution over its 3·perplexity nearest neighbours, with a Gaussian width
/// found by bisection so its entropy is log(perplexity), then (P + Pᵀ) / Σ.
struct Affinities: Sendable {
    let rowStart: [Int]
    let columns: [Int32]
    let values: [Double]

    init(_ x: Matrix, perplexity: Double) {
        let n = x.rows
        let neighbors = NearestNeighbors(x, k: min(n - 1, Int(3 * perplexity + 1)))
        let k = neighbors.k
        var conditional = [Double](repeating: 0, count: n * k)
        let target = log(perplexity)
        conditional.withUnsafeMutableBufferPointer { out in
            parallelRanges(n, minimumChunk: 64) { range in
                for i in range {
                    Self.calibrate(distances: neighbors.distances[(i * k)..<((i + 1) * k)], target: target,
                                   into: out.baseAddress! + i * k)
                }
            }
        }
        // Symmetrise: gather each row's outgoing and incoming entries, sort by column, merge.
        var entries = [[(Int32, Double)]](repeating: [], count: n)
        for i in 0..<n {
            for m in 0..<k {
                let j = Int(neighbors.indices[i * k + m])
                let value = conditional[i * k + m]
                entries[i].append((Int32(j), value))
                entries[j].append((Int32(i), value))
            }
        }
        var rowStart = [0], columns: [Int32] = [], values: [Double] = []
        var total = 0.0
        for i in 0..<n {
            let row = entries[i].sorted { $0.0 < $1.0 }
            var index = 0
            while index < row.count {
                var sum = 0.0
                let column = row[index].0
                while index < row.count && row[index].0 == column { sum += row[index].1; index += 1 }
                columns.append(column)
                values.append(sum)
                total += sum
            }
            rowStart.append(columns.count)
        }
        let scale = total > 0 ? 1 / total : 0
        self.rowStart = rowStart
        self.columns = columns
        self.values = values.map { $0 * scale }
    }

    /// scikit-learn's `_binary_search_perplexity` for one row: β doubles or halves until
    /// bracketed, then bisects, for at most 100 steps or until the entropy is within 1e-5.
    private static func calibrate(distances: ArraySlice<Float>, target: Double, into out: UnsafeMutablePointer<Double>) {
        let d = distances.map(Double.init)
        var beta = 1.0, low = -Double.infinity, high = Double.infinity
        for _ in 0..<100 {
            var sum = 0.0, weighted = 0.0
            for (m, distance) in d.enumerated() {
                let p = exp(-distance * beta)
                out[m] = p
                sum += p
            }
            if sum == 0 { sum = 1e-8 }
            for m in d.indices {
                out[m] /= sum
                weighted += d[m] * out[m]
            }
            let entropy = log(sum) + beta * weighted
            let difference = entropy - target
            if abs(difference) <= 1e-5 { break }
            if difference > 0 {
                low = beta
                beta = high == .infinity ? beta * 2 : (beta + high) / 2
            } else {
                high = beta
                beta = low == -.infinity ? beta / 2 : (beta + low) / 2
            }
        }
    }
}
