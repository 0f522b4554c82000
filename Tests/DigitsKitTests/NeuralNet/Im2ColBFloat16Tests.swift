import Testing
@testable import DigitsKit

/// A convolution's training products in bfloat16 (`Im2Col+BFloat16`): patches gathered while
/// packing, lowered transposed for thin inputs, the input gradient folded block by block.
@Suite struct Im2ColBFloat16Tests {
    /// (height, width, channels, kernel, stride, padding, batch, filters): cnn-b's first and third
    /// convolutions, odd sizes, padding wider than half the kernel, strides that skip pixels, a
    /// kernel row of exactly 32 floats, a patch row longer than one packing block (> 384), thin
    /// inputs with padding and stride, and a patch row past the fused fold's limit (> 1024).
    static let geometries = [(28, 28, 1, 3, 1, 0, 2, 32), (11, 11, 64, 3, 1, 0, 3, 64), (7, 5, 11, 3, 1, 1, 2, 5),
                             (9, 8, 13, 5, 2, 3, 3, 7), (6, 6, 16, 2, 3, 1, 2, 9), (10, 7, 32, 1, 2, 0, 1, 33),
                             (5, 9, 50, 3, 2, 2, 2, 3), (9, 7, 1, 3, 2, 1, 2, 6), (8, 6, 3, 5, 1, 2, 2, 4),
                             (4, 4, 120, 3, 1, 0, 2, 8)]

    @Test(.enabled(if: MatrixPrecision.bfloat16Supported, BFloat16Tests.reason), arguments: geometries)
    func productsEqualTheLoweredOnes(height: Int, width: Int, channels: Int, kernel: Int, stride: Int, padding: Int,
                                     batch: Int, filters: Int) {
        let input = Shape(height: height, width: width, channels: channels)
        let output = Shape(height: (height + 2 * padding - kernel) / stride + 1,
                           width: (width + 2 * padding - kernel) / stride + 1, channels: filters)
        let geometry = Im2Col(input: input, output: output, kernel: kernel, stride: stride, padding: padding)
        #expect(geometry.gathersPatches == (kernel * channels >= 32))
        let rows = batch * output.height * output.width, patch = geometry.patchSize
        var random = SplitMix64(seed: UInt64(height * 131 + channels * 17 + kernel))
        let x = (0..<batch * input.count).map { _ in random.uniform(-1, 1) }
        let w = (0..<patch * filters).map { _ in random.uniform(-1, 1) }
        let dy = (0..<rows * filters).map { _ in random.uniform(-1, 1) }
        var lowered = [Float](repeating: 0, count: rows * patch), scratch = lowered
        geometry.lower(x, into: &lowered, batch: batch)

        // Each product: bit for bit the bfloat16 product on the row-major lowered matrix (the same
        // roundings, summed in the same order), and within bfloat16's rounding of float32 (the
        // bound of BFloat16Tests, relative to the sum of the terms' magnitudes).
        func check(_ name: String, _ result: [Float], rounded: [Float], exact: [Float], magnitudes: [Float]) {
            #expect(result == rounded, "\(name)")
            let worst = zip(zip(result, exact), magnitudes).map { abs($0.0 - $0.1) / ($1 + 1e-6) }.max() ?? 0
            #expect(worst < 1e-2, "\(name): relative error \(worst)")
        }
        func reference(_ precision: MatrixPrecision, transposeA: Bool = false, transposeB: Bool = false,
                       m: Int, n: Int, k: Int, _ a: [Float], lda: Int, _ b: [Float], ldb: Int) -> [Float] {
            var c = [Float](repeating: 0, count: m * n)
            matrixProduct(precision, transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, a, lda: lda, b,
                          ldb: ldb, &c, ldc: n)
            return c
        }
        let absolute = (lowered.map(abs), w.map(abs), dy.map(abs))

        var y = [Float](repeating: .nan, count: rows * filters)
        geometry.bfloat16Forward(x, batch: batch, kernel: w, filters: filters, into: &y, columns: &scratch)
        check("forward", y, rounded: reference(.bfloat16, m: rows, n: filters, k: patch, lowered, lda: patch, w, ldb: filters),
              exact: reference(.float32, m: rows, n: filters, k: patch, lowered, lda: patch, w, ldb: filters),
              magnitudes: reference(.float32, m: rows, n: filters, k: patch, absolute.0, lda: patch, absolute.1, ldb: filters))

        var dw = [Float](repeating: .nan, count: patch * filters)
        geometry.bfloat16WeightGradient(x, batch: batch, dy, filters: filters, into: &dw, columns: scratch)
        check("weight gradient", dw,
              rounded: reference(.bfloat16, transposeA: true, m: patch, n: filters, k: rows, lowered, lda: patch, dy, ldb: filters),
              exact: reference(.float32, transposeA: true, m: patch, n: filters, k: rows, lowered, lda: patch, dy, ldb: filters),
              magnitudes: reference(.float32, transposeA: true, m: patch, n: filters, k: rows, absolute.0, lda: patch,
                                    absolute.2, ldb: filters))

        var dx = [Float](repeating: .nan, count: batch * input.count)
        geometry.bfloat16InputGradient(dy, kernel: w, filters: filters, into: &dx, batch: batch, columns: &scratch)
        func folded(_ columns: [Float]) -> [Float] {
            var image = [Float](repeating: .nan, count: batch * input.count)
            geometry.fold(columns, into: &image, batch: batch)
            return image
        }
        check("input gradient", dx,
              rounded: folded(reference(.bfloat16, transposeB: true, m: rows, n: patch, k: filters, dy, lda: filters, w, ldb: filters)),
              exact: folded(reference(.float32, transposeB: true, m: rows, n: patch, k: filters, dy, lda: filters, w, ldb: filters)),
              magnitudes: folded(reference(.float32, transposeB: true, m: rows, n: patch, k: filters, absolute.2, lda: filters,
                                           absolute.1, ldb: filters)))
    }
}
