/// The matrix `Q[i][k] = y_i·y_k·k(x_i, x_k)` of one binary problem, served row by row.
///
/// A row's dot products are accumulated column by column over the features where `x_i` is not
/// zero (four columns per pass, so the loop vectorises and the row is written once per four
/// features): on raw pixels, where four in five values are zero, that reads a fifth of the
/// data a dense `sgemv` would. BLAS is not used here on purpose: the pair problems run on all
/// cores at once, and OpenBLAS offers no per-thread way to stop each call from spawning
/// threads of its own (changing its global thread count changes other callers' rounding).
/// Rows then take the kernel's element-wise step and live in an LRU cache of whole rows.
/// Not thread-safe: each sub-problem owns its own instance, with its own cache budget.
final class KernelRows {
    let count: Int
    let features: Int
    let kernel: SVMKernel
    /// `features × count`: this problem's samples, one column per sample, so that feature `f`
    /// of every sample is contiguous.
    private let columns: UnsafeMutablePointer<Float>
    /// Scratch for the non-zero features of the row being computed.
    private let nonZero: UnsafeMutablePointer<Int>
    private let norms: UnsafeMutablePointer<Float>
    private let y: UnsafeMutablePointer<Float>
    /// `Q[i][i]`.
    let diagonal: UnsafeMutablePointer<Double>

    private let capacity: Int
    private let pool: UnsafeMutablePointer<Float>
    private var slotOfRow: [Int32]
    private var rowOfSlot: [Int32]
    // A doubly linked list of slots, most recently used first.
    private var newer: [Int32]
    private var older: [Int32]
    private var newest: Int32 = -1
    private var oldest: Int32 = -1
    private var usedSlots = 0
    /// Rows computed so far (cache misses).
    private(set) var computedRows = 0

    /// `rows` are indices into `data` (row-major, `features` wide); `labels` are ±1.
    init(data: UnsafePointer<Float>, features: Int, rows: [Int], labels: [Float], kernel: SVMKernel, cacheBytes: Int) {
        count = rows.count
        self.features = features
        self.kernel = kernel
        columns = .allocate(capacity: max(1, count * features))
        nonZero = .allocate(capacity: max(1, features))
        norms = .allocate(capacity: max(1, count))
        y = .allocate(capacity: max(1, count))
        diagonal = .allocate(capacity: max(1, count))
        for (r, row) in rows.enumerated() {
            let source = data + row * features
            var norm: Float = 0
            for c in 0..<features {
                columns[c * count + r] = source[c]
                norm += source[c] * source[c]
            }
            norms[r] = norm
            y[r] = labels[r]
            diagonal[r] = Double(kernel.selfValue(norm: norm))
        }
        // At least two rows must fit: the solver holds rows i and j at once.
        capacity = min(count, max(2, cacheBytes / max(1, count * MemoryLayout<Float>.stride)))
        pool = .allocate(capacity: max(1, capacity * count))
        slotOfRow = [Int32](repeating: -1, count: count)
        rowOfSlot = [Int32](repeating: -1, count: capacity)
        newer = [Int32](repeating: -1, count: capacity)
        older = [Int32](repeating: -1, count: capacity)
    }

    deinit {
        columns.deallocate()
        nonZero.deallocate()
        norms.deallocate()
        y.deallocate()
        diagonal.deallocate()
        pool.deallocate()
    }

    /// Row `i` of `Q`, valid until the next call that misses the cache (the two most recently
    /// requested rows are never evicted by one miss, so rows i and j can be held together).
    func row(_ i: Int) -> UnsafePointer<Float> {
        let cached = slotOfRow[i]
        if cached >= 0 {
            touch(cached)
            return UnsafePointer(pool + Int(cached) * count)
        }
        let slot: Int32
        if usedSlots < capacity {
            slot = Int32(usedSlots)
            usedSlots += 1
        } else {
            slot = oldest
            unlink(slot)
            slotOfRow[Int(rowOfSlot[Int(slot)])] = -1
        }
        rowOfSlot[Int(slot)] = Int32(i)
        slotOfRow[i] = slot
        pushNewest(slot)
        let target = pool + Int(slot) * count
        compute(row: i, into: target)
        computedRows += 1
        return UnsafePointer(target)
    }

    private func compute(row i: Int, into target: UnsafeMutablePointer<Float>) {
        var used = 0
        for f in 0..<features where columns[f * count + i] != 0 {
            nonZero[used] = f
            used += 1
        }
        target.initialize(repeating: 0, count: count)
        var next = 0
        while next + 4 <= used {
            let (c0, c1, c2, c3) = (columns + nonZero[next] * count, columns + nonZero[next + 1] * count,
                                    columns + nonZero[next + 2] * count, columns + nonZero[next + 3] * count)
            let (v0, v1, v2, v3) = (c0[i], c1[i], c2[i], c3[i])
            for k in 0..<count { target[k] += (v0 * c0[k] + v1 * c1[k]) + (v2 * c2[k] + v3 * c3[k]) }
            next += 4
        }
        while next < used {
            let c = columns + nonZero[next] * count
            let v = c[i]
            for k in 0..<count { target[k] += v * c[k] }
            next += 1
        }
        kernel.apply(target, count: count, aNorm: norms[i], bNorms: norms)
        let yi = y[i]
        for k in 0..<count { target[k] *= yi * y[k] }
    }

    private func touch(_ slot: Int32) {
        guard slot != newest else { return }
        unlink(slot)
        pushNewest(slot)
    }

    private func unlink(_ slot: Int32) {
        let s = Int(slot)
        if newer[s] >= 0 { older[Int(newer[s])] = older[s] } else { newest = older[s] }
        if older[s] >= 0 { newer[Int(older[s])] = newer[s] } else { oldest = newer[s] }
        newer[s] = -1
        older[s] = -1
    }

    private func pushNewest(_ slot: Int32) {
        let s = Int(slot)
        older[s] = newest
        newer[s] = -1
        if newest >= 0 { newer[Int(newest)] = slot }
        newest = slot
        if oldest < 0 { oldest = slot }
    }
}
