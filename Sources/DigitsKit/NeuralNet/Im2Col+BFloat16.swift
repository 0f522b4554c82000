import CBFloat16

/// A convolution's three training products in bfloat16, laid out for the bfloat16 kernel rather
/// than for BLAS. For a batch-32 replica the row-major patch matrix is 4.5–6 MB (cnn-b's second
/// and third convolutions), past L2: writing it, then reading it back to pack, cost a good part of
/// the products' own arithmetic. So the kernel gathers the patch rows from the images while it
/// packs them, and folds the input gradient's rows back onto the images block by block. A first
/// layer's patch rows are a few floats (K·C = 3 for 28×28×1), too short to gather or copy one
/// by one: its patches are lowered transposed, where a row runs along an image row.
///
/// The kernel sums over k in the same order in every layout, so each product equals
/// `matrixProduct(.bfloat16, …)` on the row-major patch matrix, bit for bit.
extension Im2Col {
    /// Whether the products gather patch rows (one copy per kernel row of K·C floats), rather than
    /// lowering the patches transposed: gathering pays off on wide rows but not on a first layer's
    /// (cnn-b's first convolution: 0.52 ms gathered against 0.13 ms from its lowered matrix).
    var gathersPatches: Bool { kernel * input.channels >= 32 }

    /// y (N·OH·OW, F) = patches(x)·w for the kernel w (K·K·C, F). `columns` (room for the patch
    /// matrix) receives the transposed patches where they are not gathered, for
    /// `bfloat16WeightGradient` of the same step.
    func bfloat16Forward(_ x: UnsafePointer<Float>, batch: Int, kernel w: UnsafePointer<Float>, filters: Int,
                         into y: UnsafeMutablePointer<Float>, columns: UnsafeMutablePointer<Float>) {
        if gathered(transposed: false, x, batch: batch, w, n: filters, into: y) { return }
        lowerTransposed(x, into: columns, batch: batch)
        let rows = batch * output.height * output.width
        matrixProduct(.bfloat16, transposeA: true, m: rows, n: filters, k: patchSize, columns, lda: rows, w, ldb: filters,
                      y, ldc: filters)
    }

    /// dw (K·K·C, F) = patches(x)ᵀ·dy for dy (N·OH·OW, F), after `bfloat16Forward` on the same x
    /// and `columns`.
    func bfloat16WeightGradient(_ x: UnsafePointer<Float>, batch: Int, _ dy: UnsafePointer<Float>, filters: Int,
                                into dw: UnsafeMutablePointer<Float>, columns: UnsafePointer<Float>) {
        if gathered(transposed: true, x, batch: batch, dy, n: filters, into: dw) { return }
        let rows = batch * output.height * output.width
        matrixProduct(.bfloat16, m: patchSize, n: filters, k: rows, columns, lda: rows, dy, ldb: filters, dw, ldc: filters)
    }

    /// dx = fold(dy·wᵀ) for dy (N·OH·OW, F) and the kernel w (K·K·C, F), each block of product rows
    /// folded while it is in cache. Where the kernel declines (K·K·C > 1024 or F > 384, past its
    /// one pass; or no AVX512-BF16), the product is written whole into `columns`, then folded.
    func bfloat16InputGradient(_ dy: UnsafePointer<Float>, kernel w: UnsafePointer<Float>, filters: Int,
                               into dx: UnsafeMutablePointer<Float>, batch: Int, columns: UnsafeMutablePointer<Float>) {
        var convolution = bfloat16Convolution
        if digits_bf16_fold_product(&convolution, Int32(batch), Int32(filters), dy, w, dx) == 0 { return }
        let rows = batch * output.height * output.width
        matrixProduct(.bfloat16, transposeB: true, m: rows, n: patchSize, k: filters, dy, lda: filters, w, ldb: filters,
                      columns, ldc: patchSize)
        fold(columns, into: dx, batch: batch)
    }

    /// c = P·b (`transposed`: Pᵀ·b) for P the patch matrix of `x`, gathered while packing; false,
    /// writing nothing, where patches are not gathered or the processor lacks the instructions.
    private func gathered(transposed: Bool, _ x: UnsafePointer<Float>, batch: Int, _ b: UnsafePointer<Float>, n: Int,
                          into c: UnsafeMutablePointer<Float>) -> Bool {
        guard gathersPatches else { return false }
        var convolution = bfloat16Convolution
        return digits_bf16_gemm_patches(transposed ? 1 : 0, &convolution, x, Int32(batch), Int32(n), 1, b, Int32(n), 0, c,
                                        Int32(n)) == 0
    }

    /// The patch matrix transposed, (K·K·C, N·OH·OW): row e holds entry e of every patch, so for a
    /// fixed (e, image, oy) it runs along image row iy (contiguous for stride 1 and one channel).
    func lowerTransposed(_ x: UnsafePointer<Float>, into columns: UnsafeMutablePointer<Float>, batch: Int) {
        let c = input.channels, rows = batch * output.height * output.width
        parallelRanges(batch) { images in
            for entry in 0..<patchSize {
                let ky = entry / (kernel * c), kx = entry / c % kernel, channel = entry % c
                // The output columns ox whose cell kx lies inside the image: first..<last.
                let shift = kx - padding
                let first = min(output.width, max(0, (-shift + stride - 1) / stride))
                let last = max(first, min(output.width, (input.width - shift + stride - 1) / stride))
                for n in images {
                    let image = x + n * input.count + channel
                    for oy in 0..<output.height {
                        let target = columns + entry * rows + (n * output.height + oy) * output.width
                        let iy = oy * stride - padding + ky
                        guard iy >= 0 && iy < input.height else {
                            target.update(repeating: 0, count: output.width)
                            continue
                        }
                        let line = image + iy * input.width * c
                        target.update(repeating: 0, count: first)
                        for ox in first..<last { target[ox] = line[(ox * stride + shift) * c] }
                        (target + last).update(repeating: 0, count: output.width - last)
                    }
                }
            }
        }
    }

    private var bfloat16Convolution: digits_bf16_convolution {
        digits_bf16_convolution(height: Int32(input.height), width: Int32(input.width), channels: Int32(input.channels),
                                kernel: Int32(kernel), stride: Int32(stride), padding: Int32(padding),
                                out_height: Int32(output.height), out_width: Int32(output.width))
    }
}
