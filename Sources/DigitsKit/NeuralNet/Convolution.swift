import Foundation

/// A 2-D convolution lowered onto one sgemm per batch: x is (N, H, W, C), the kernel w is
/// (K·K·C, F) with rows ordered (ky, kx, c), b is (F), y = act(im2col(x)·w + b) is
/// (N, OH, OW, F). Lowering the whole batch at once makes each sgemm tall (N·OH·OW rows), the
/// shape BLAS runs closest to peak. Predictions through 3×3 stride-1 kernels over 16 or more
/// channels take Winograd's F(2×2, 3×3) instead, 2.25 times fewer multiplications. Training
/// stays on im2col: it needs the lowered patches for the weight gradient anyway, and on the
/// small maps of a batch-64 step (cnn-b: 13×13 to 9×9, valid padding) the Winograd forward
/// and input gradient measured slower (1-epoch CPU time 32–34 s against 26–27 s).
final class ConvolutionLayer: NetworkLayer {
    let inputShape: Shape
    let outputShape: Shape
    let activation: Architecture.Activation
    let geometry: Im2Col
    /// Of the training products (forward, weight and input gradients); predictions stay float32.
    let precision: MatrixPrecision
    /// (N·OH·OW, K·K·C), kept from forward for the weight gradient, then reused for the input
    /// gradient's columns (bfloat16 lays them out its own way: `Im2Col+BFloat16`).
    private let columns = Workspace<Float>()
    private let biasGradient = BiasGradient()
    /// Set where predictions go through Winograd's F(2×2, 3×3).
    private let winograd: Winograd?
    /// The Winograd-transformed kernel (16, C, F), and the kernel it was transformed from: the
    /// weights change only between training steps, so predictions transform them once.
    private let transformed = Workspace<Float>()
    private let transformedFrom = Workspace<Float>()
    private var transformedValid = false
    /// One Winograd step's workspace per core.
    private let winogradSpace = Workspace<Float>()
    private var w: UnsafeMutablePointer<Float>!
    private var b: UnsafeMutablePointer<Float>!
    private var dw: UnsafeMutablePointer<Float>!
    private var db: UnsafeMutablePointer<Float>!

    init(filters: Int, kernel: Int, stride: Int, padding: Int, activation: Architecture.Activation, input: Shape, output: Shape,
         precision: MatrixPrecision = .float32) {
        inputShape = input
        outputShape = output
        self.activation = activation
        self.precision = precision
        geometry = Im2Col(input: input, output: output, kernel: kernel, stride: stride, padding: padding)
        winograd = Winograd.applies(kernel: kernel, stride: stride, channels: input.channels)
            ? Winograd(input: input, output: output, padding: padding) : nil
    }

    private var filters: Int { outputShape.channels }
    private var patch: Int { geometry.patchSize }

    var blocks: [ParameterBlock] {
        let k2 = geometry.kernel * geometry.kernel
        return [ParameterBlock(name: "weight", shape: [geometry.kernel, geometry.kernel, inputShape.channels, filters],
                               role: .weight, fanIn: patch, fanOut: k2 * filters),
                ParameterBlock(name: "bias", shape: [filters], role: .bias, fanIn: patch, fanOut: k2 * filters)]
    }

    func bind(parameters: [UnsafeMutablePointer<Float>], gradients: [UnsafeMutablePointer<Float>],
              state: UnsafeMutablePointer<Float>) {
        (w, b, dw, db) = (parameters[0], parameters[1], gradients[0], gradients[1])
    }

    func reserve(batch: Int) {
        columns.reserve(batch * outputShape.height * outputShape.width * patch)
        biasGradient.reserve(columns: filters)
        if let winograd {
            transformed.reserve(Winograd.positions * inputShape.channels * filters)
            transformedFrom.reserve(patch * filters)
            winogradSpace.reserve(workerCount * winograd.workspacePerStep)
        }
    }

    func forward(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, batch: Int, training: Bool) {
        if let winograd, !training {
            let u = transformedFilters(), space = winogradSpace.pointer, stride = winograd.workspacePerStep
            // A core joins only with a full step of its own: splitting the few images of a
            // photo costs a hand-off that its share does not pay back.
            let parts = max(1, min(workerCount, batch / winograd.imagesPerStep)), size = (batch + parts - 1) / parts
            parallelFor(parts) { part in
                let images = min(batch, part * size)..<min(batch, (part + 1) * size)
                winograd.forward(x, filters: u, bias: b, activation: activation, y, images: images, workspace: space + part * stride)
            }
            return
        }
        let rows = batch * outputShape.height * outputShape.width
        if training && precision == .bfloat16 {
            geometry.bfloat16Forward(x, batch: batch, kernel: w, filters: filters, into: y, columns: columns.pointer)
        } else {
            geometry.lower(x, into: columns.pointer, batch: batch)
            matrixProduct(.float32, m: rows, n: filters, k: patch, columns.pointer, lda: patch, w, ldb: filters, y, ldc: filters)
        }
        activation.addBiasAndApply(y, rows: rows, columns: filters, bias: b)
    }

    /// The Winograd transform of the current kernel, recomputed only when the kernel changed.
    private func transformedFilters() -> UnsafePointer<Float> {
        let count = patch * filters
        if !transformedValid || memcmp(transformedFrom.pointer, w, count * MemoryLayout<Float>.stride) != 0 {
            Winograd.transformFilters(w, into: transformed.pointer, channels: inputShape.channels, filters: filters)
            transformedFrom.pointer.update(from: w, count: count)
            transformedValid = true
        }
        return UnsafePointer(transformed.pointer)
    }

    func backward(x: UnsafePointer<Float>, y: UnsafePointer<Float>, dy: UnsafeMutablePointer<Float>,
                  dx: UnsafeMutablePointer<Float>?, batch: Int) {
        let rows = batch * outputShape.height * outputShape.width
        biasGradient.backward(activation, y: y, dy: dy, rows: rows, columns: filters, into: db)
        if precision == .bfloat16 {
            geometry.bfloat16WeightGradient(x, batch: batch, dy, filters: filters, into: dw, columns: columns.pointer)
            guard let dx else { return }
            geometry.bfloat16InputGradient(dy, kernel: w, filters: filters, into: dx, batch: batch, columns: columns.pointer)
            return
        }
        // dw = colsᵀ·dy (K·K·C, F).
        matrixProduct(.float32, transposeA: true, m: patch, n: filters, k: rows,
                      columns.pointer, lda: patch, dy, ldb: filters, dw, ldc: filters)
        guard let dx else { return }
        // dcols = dy·wᵀ reuses the columns buffer (its forward content is no longer needed), then
        // folds back onto the image.
        matrixProduct(.float32, transposeB: true, m: rows, n: patch, k: filters,
                      dy, lda: filters, w, ldb: filters, columns.pointer, ldc: patch)
        geometry.fold(columns.pointer, into: dx, batch: batch)
    }
}
