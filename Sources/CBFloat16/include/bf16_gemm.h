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

#endif
