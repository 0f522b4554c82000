import CBFloat16
import CBLAS

/// The arithmetic of a network's training-time matrix products.
///
/// `bfloat16` rounds both operands of every product to bfloat16 (8 bits of mantissa) and sums
/// in float32 (`vdpbf16ps`, 32 multiply-adds per instruction: 2× a float32 AVX-512 FMA, 4× the
/// AVX2 kernels OpenBLAS runs here). Everything else — master weights, optimiser state,
/// activations, the loss — stays float32, as in mixed-precision training.
public enum MatrixPrecision: String, CaseIterable, Codable, Sendable {
    case float32
    case bfloat16

    /// Whether this processor has the instructions `bfloat16` needs (AVX512-BF16 with AVX512F/BW/VL).
    public static let bfloat16Supported = digits_bf16_supported() != 0
}

/// C = alpha·op(A)·op(B) + beta·C, row-major as `cblas_sgemm`: op(A) is (m, k), op(B) is
/// (k, n), C is (m, n). The one place that decides between OpenBLAS in float32 and the
/// bfloat16 kernel, which is single-threaded: callers parallelise over replicas, as training
/// does. A bfloat16 request on a processor without the instructions (which `fit` rejects
/// beforehand) runs in float32 rather than failing mid-product.
func matrixProduct(_ precision: MatrixPrecision, transposeA: Bool = false, transposeB: Bool = false,
                   m: Int, n: Int, k: Int, alpha: Float = 1,
                   _ a: UnsafePointer<Float>, lda: Int, _ b: UnsafePointer<Float>, ldb: Int,
                   beta: Float = 0, _ c: UnsafeMutablePointer<Float>, ldc: Int) {
    if precision == .bfloat16,
       digits_bf16_gemm(transposeA ? 1 : 0, transposeB ? 1 : 0, Int32(m), Int32(n), Int32(k), alpha,
                        a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc)) == 0 {
        return
    }
    cblas_sgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
}
