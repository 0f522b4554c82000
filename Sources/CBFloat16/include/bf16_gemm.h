#ifndef DIGITS_BF16_GEMM_H
#define DIGITS_BF16_GEMM_H

/* Matrix products in bfloat16 with float32 accumulation, for training's matrix products. */

/* 1 when this processor runs the bfloat16 kernel (x86-64 with AVX512F, AVX512BW, AVX512VL and
   AVX512-BF16), 0 otherwise (other x86-64 processors, arm64). */
int digits_bf16_supported(void);

/* C = alpha·op(A)·op(B) + beta·C, row-major like cblas_sgemm(CblasRowMajor, ...): op(A) is
   M×K, op(B) is K×N, C is M×N; trans_a / trans_b nonzero read A as K×M / B as N×K. The
   operands are rounded to bfloat16 (to nearest even) while they are packed, products are
   summed in float32, C stays float32. With beta = 0, C is only written (NaNs there are not
   propagated), as in BLAS. Single-threaded: call it from several threads at once for
   parallelism (each thread keeps its own packing buffers). Returns 0, or -1 without touching
   C when the processor lacks the instructions (see digits_bf16_supported) or the packing
   buffers cannot be allocated. */
int digits_bf16_gemm(int trans_a, int trans_b, int m, int n, int k, float alpha,
                     const float *a, int lda, const float *b, int ldb, float beta, float *c, int ldc);

/* The geometry of a 2-D convolution over NHWC images (N, H, W, C) with a K×K kernel, whose
   patch (im2col) matrix is N·OH·OW × K·K·C: row (n·OH + oy)·OW + ox holds the K×K×C window
   under output pixel (oy, ox) of image n, ordered (ky, kx, c), zeros where it hangs over the
   padding. */
typedef struct {
    int height, width, channels;
    int kernel, stride, padding;
    int out_height, out_width;
} digits_bf16_convolution;

/* digits_bf16_gemm with A the patch matrix P of the first `batch` images of `images`, read from
   the images while packing instead of from a lowered copy: trans_a = 0 computes
   C (N·OH·OW × n) = alpha·P·B + beta·C (a convolution's forward product), trans_a = 1
   C (K·K·C × n) = alpha·Pᵀ·B + beta·C (its weight gradient); B is row-major with leading
   dimension ldb. The same roundings and order of sums as digits_bf16_gemm on the lowered
   matrix, so the same results; the same return values. */
int digits_bf16_gemm_patches(int trans_a, const digits_bf16_convolution *convolution, const float *images, int batch,
                             int n, float alpha, const float *b, int ldb, float beta, float *c, int ldc);

/* A convolution's input gradient: dx (N, H, W, C) = the patch rows of dy·wᵀ added back onto
   the images they were taken from (col2im), for dy (N·OH·OW, filters) and the kernel w
   (K·K·C, filters). The product is never written whole: each block of rows is folded while it
   is in cache. The same values as digits_bf16_gemm(0, 1, …) followed by that fold in row order.
   Returns 0, or -1 when the processor lacks the instructions, memory runs out (dx may then be
   partly written) or the shape is past the one-pass limits (K·K·C > 1024 or filters > 384):
   the caller multiplies and folds the usual way then. */
int digits_bf16_fold_product(const digits_bf16_convolution *convolution, int batch, int filters, const float *dy,
                             const float *w, float *dx);

#endif
