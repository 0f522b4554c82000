/// The k nearest rows of every row (itself excluded) by squared Euclidean distance, computed
/// blockwise through BLAS as |a|² + |b|² − 2·a·b so that 10000 × 10000 distances never sit in
/// memory at once.
struct NearestNeighbors: Sendable {
    let k: Int
    /// `indices[i * k + m]`: the m-th nearest row of row i (nearest first).
    let indices: [Int32]
    /// The matching squared distances.
    let distances: [Float]

    init(_ x: Matrix, k requested: Int) {
        let n = x.rows
        let k = max(0, min(requested, n - 1))
        self.k = k
        var indices = [Int32](repeating: 0, count: n * k)
        var distances = [Float](repeating: 0, count: n * k)
        guard k > 0 else {
            self.indices = indices
            self.distances = distances
            return
        }
        let norms = (0..<n).map { r in x.row(r).reduce(0) { $0 + $1 * $1 } }
        let blockRows = 512
        for blockStart in stride(from: 0, to: n, by: blockRows) {
            let block = Array(blockStart..<min(n, blockStart + blockRows))
            var dots = Matrix(rows: block.count, columns: n)
            Matrix.gemm(x.rows(at: block), x, transposeB: true, into: &dots)
            indices.withUnsafeMutableBufferPointer { indexOut in
                distances.withUnsafeMutableBufferPointer { distanceOut in
                    dots.storage.withUnsafeBufferPointer { dot in
                        norms.withUnsafeBufferPointer { norm in
                            parallelRanges(block.count, minimumChunk: 16) { range in
                                var heap = NeighborHeap(capacity: k)
                                for local in range {
                                    let i = blockStart + local
                                    heap.removeAll()
                                    let row = dot.baseAddress! + local * n
                                    for j in 0..<n where j != i {
                                        heap.offer(max(0, norm[i] + norm[j] - 2 * row[j]), Int32(j))
                                    }
                                    heap.writeSorted(indices: indexOut.baseAddress! + i * k, distances: distanceOut.baseAddress! + i * k)
                                }
                            }
                        }
                    }
                }
            }
        }
        self.indices = indices
        self.distances = distances
    }
}

/// A bounded max-heap keeping the `capacity` smallest distances offered (ties by lower index).
private struct NeighborHeap {
    private var keys: [Float]
    private var values: [Int32]
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        keys = []
        values = []
        keys.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
    }

    mutating func removeAll() {
        keys.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
    }

    private func larger(_ a: Int, _ b: Int) -> Bool {
        keys[a] != keys[b] ? keys[a] > keys[b] : values[a] > values[b]
    }

    mutating func offer(_ key: Float, _ value: Int32) {
        if keys.count < capacity {
            keys.append(key)
            values.append(value)
            var child = keys.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard larger(child, parent) else { break }
                keys.swapAt(child, parent)
                values.swapAt(child, parent)
                child = parent
            }
            return
        }
        guard key < keys[0] || (key == keys[0] && value < values[0]) else { return }
        keys[0] = key
        values[0] = value
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var largest = parent
            if left < keys.count && larger(left, largest) { largest = left }
            if right < keys.count && larger(right, largest) { largest = right }
            if largest == parent { break }
            keys.swapAt(parent, largest)
            values.swapAt(parent, largest)
            parent = largest
        }
    }

    func writeSorted(indices: UnsafeMutablePointer<Int32>, distances: UnsafeMutablePointer<Float>) {
        let order = keys.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : values[$0] < values[$1] }
        for (position, slot) in order.enumerated() {
            indices[position] = values[slot]
            distances[position] = keys[slot]
        }
    }
}
