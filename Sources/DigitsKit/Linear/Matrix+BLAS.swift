import CBLAS

extension Matrix {
    /// `alpha · op(a) · op(b) + beta · c`, written into `c` (single-precision GEMM).
    ///
    /// `op(x)` is `x` or its transpose. Shapes are checked; a mismatch is a programming error.
    public static func gemm(
        _ a: Matrix, transposeA: Bool = false,
        _ b: Matrix, transposeB: Bool = false,
        into c: inout Matrix, alpha: Float = 1, beta: Float = 0
    ) {
        let m = transposeA ? a.columns : a.rows
        let k = transposeA ? a.rows : a.columns
        let kb = transposeB ? b.columns : b.rows
        let n = transposeB ? b.rows : b.columns
        precondition(k == kb, "gemm: inner dimensions \(k) and \(kb) differ")
        precondition(c.rows == m && c.columns == n, "gemm: output is \(c.rows)×\(c.columns), expected \(m)×\(n)")
        guard m > 0, n > 0 else { return }
        if k == 0 {
            for i in c.storage.indices { c.storage[i] *= beta }
            return
        }
        a.storage.withUnsafeBufferPointer { pa in
            b.storage.withUnsafeBufferPointer { pb in
                c.storage.withUnsafeMutableBufferPointer { pc in
                    if m == 1 {
                        // OpenBLAS 0.3.21 packs all of op(b) even for one row, which takes longer
                        // than the product itself; GEMV streams b once (one-image predictions).
                        cblas_sgemv(
                            CblasRowMajor, transposeB ? CblasNoTrans : CblasTrans,
                            Int32(b.rows), Int32(b.columns), alpha, pb.baseAddress, Int32(b.columns),
                            pa.baseAddress, 1,
                            beta, pc.baseAddress, 1)
                        return
                    }
                    cblas_sgemm(
                        CblasRowMajor,
                        transposeA ? CblasTrans : CblasNoTrans,
                        transposeB ? CblasTrans : CblasNoTrans,
                        Int32(m), Int32(n), Int32(k),
                        alpha, pa.baseAddress, Int32(a.columns),
                        pb.baseAddress, Int32(b.columns),
                        beta, pc.baseAddress, Int32(n))
                }
            }
        }
    }

    /// `op(a) · op(b)` as a new matrix.
    public static func product(_ a: Matrix, transposeA: Bool = false, _ b: Matrix, transposeB: Bool = false) -> Matrix {
        var c = Matrix(rows: transposeA ? a.columns : a.rows, columns: transposeB ? b.rows : b.columns)
        gemm(a, transposeA: transposeA, b, transposeB: transposeB, into: &c)
        return c
    }

    /// `x · weights + bias` (the bias added to every row): the scores of a linear model.
    public static func affine(_ x: Matrix, _ weights: Matrix, plus bias: [Float]) -> Matrix {
        precondition(bias.count == weights.columns, "affine: one bias per output column")
        var scores = Matrix(rows: x.rows, columns: weights.columns)
        for r in 0..<x.rows {
            for c in 0..<weights.columns { scores[r, c] = bias[c] }
        }
        gemm(x, weights, into: &scores, beta: 1)
        return scores
    }
}
