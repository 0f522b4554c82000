import CBLAS

/// Data-parallel training over the cores: every batch is cut into one slice per replica, the
/// replicas (identical networks sharing one set of parameter values) run forward and backward
/// at the same time, each with single-threaded BLAS, and their gradients are averaged into
/// the primary's store, where the optimiser steps. At batch 64 a CNN's GEMMs are small: one
/// network on multi-threaded BLAS synchronises its threads inside every call and runs the
/// passes between them (im2col, pooling, the softmax) partly serially; replicas keep each
/// core busy on its own slice from start to end.
///
/// The sum over slices changes rounding, so results depend on the replica count (`workerCount`,
/// i.e. the cores or `DIGITS_THREADS`, for the CLI's `train`; one inside shared processes):
/// fixed seed and core count give identical models.
final class ReplicatedNetwork {
    let primary: Network
    /// replicas[0] is `primary`.
    private let replicas: [Network]
    private var results: [SoftmaxCrossEntropy.Result]
    private var sizes: [Int]

    init(_ architecture: Architecture, dropoutSeed: UInt64, count: Int, precision: MatrixPrecision = .float32,
         labelSmoothing: Float = 0) throws(ArchitectureError) {
        let primary = try Network(architecture, dropoutSeed: dropoutSeed, precision: precision, labelSmoothing: labelSmoothing)
        var replicas = [primary]
        // The primary keeps the seed a single network would have; the others draw theirs from a
        // stream offset from it, so their dropout masks are not the primary's layers' masks.
        var random = SplitMix64(seed: dropoutSeed ^ 0x5EED_0F_2E_911CA5)
        for _ in 1..<max(1, count) {
            replicas.append(try Network(architecture, dropoutSeed: random.next(), sharingValuesOf: primary, precision: precision,
                                        labelSmoothing: labelSmoothing))
        }
        self.primary = primary
        self.replicas = replicas
        results = Array(repeating: SoftmaxCrossEntropy.Result(loss: 0, correct: 0), count: replicas.count)
        sizes = Array(repeating: 0, count: replicas.count)
    }

    var count: Int { replicas.count }

    func reserve(batch: Int) {
        let slice = (batch + replicas.count - 1) / replicas.count
        for replica in replicas { replica.reserve(batch: slice) }
    }

    /// Every replica's dropout stream states, for checkpoints.
    var dropoutStates: [UInt64] {
        get { replicas.flatMap(\.dropoutStates) }
        set {
            var rest = newValue[...]
            for replica in replicas {
                let mine = replica.dropoutStates.count
                replica.dropoutStates = Array(rest.prefix(mine))
                rest = rest.dropFirst(mine)
            }
        }
    }

    /// Forward, loss and backward on rows `indices` of `x` (N, 784): afterwards the primary's
    /// `store.gradients` holds the gradient of the mean loss over the whole batch. With an
    /// `augmentation`, each replica distorts its slice first (batch `augmentationSeed`).
    func trainStep(_ x: UnsafePointer<Float>, rows indices: ArraySlice<Int>, labels: [Int],
                   augmentation: Augmentation? = nil, augmentationSeed: UInt64 = 0) -> SoftmaxCrossEntropy.Result {
        let parts = min(replicas.count, indices.count)
        let size = (indices.count + parts - 1) / parts
        let replicas = replicas
        results.withUnsafeMutableBufferPointer { results in
            sizes.withUnsafeMutableBufferPointer { sizes in
                parallelFor(parts) { part in
                    let start = indices.startIndex + part * size
                    let slice = indices[start..<min(indices.endIndex, start + size)]
                    sizes[part] = replicas[part].loadBatch(x, rows: slice, labels: labels)
                    augmentation?.apply(replicas[part].input, count: sizes[part], firstIndex: part * size, seed: augmentationSeed,
                                        labels: replicas[part].inputLabels)
                    results[part] = replicas[part].trainStep(batch: sizes[part])
                }
            }
        }
        // Each replica's gradient is a mean over its slice: weight it by its share of the batch.
        let total = Float(indices.count), store = primary.store, n = Int32(store.count)
        if parts > 1 { cblas_sscal(n, Float(sizes[0]) / total, store.gradients, 1) }
        var combined = SoftmaxCrossEntropy.Result(loss: results[0].loss * Double(sizes[0]), correct: results[0].correct)
        for part in 1..<parts {
            cblas_saxpy(n, Float(sizes[part]) / total, replicas[part].store.gradients, 1, store.gradients, 1)
            combined.loss += results[part].loss * Double(sizes[part])
            combined.correct += results[part].correct
        }
        combined.loss /= Double(indices.count)
        return combined
    }
}
