#include "bf16_gemm.h"

#if defined(__x86_64__)
#include <immintrin.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>

/* The AVX-512 code is compiled for these features through function attributes only, so the
   rest of the package keeps the x86-64 baseline and this file builds on any x86-64 compiler
   target; digits_bf16_gemm checks the processor before entering it. */
#define TARGET __attribute__((target("avx512f,avx512bw,avx512vl,avx512bf16")))

/* Register tile MR rows × NR columns: 8 × 2 zmm accumulators = 16 independent dot-product
   chains, enough to cover vdpbf16ps's latency on both pipes, leaving registers for the two B
   vectors and the broadcasts. KC_MAX pairs of B rows (KC_MAX/2 × NR × 4 bytes = 24 KiB) stay in
   the 48 KiB L1 while a packed block of MC rows of A (≤ 144 KiB) streams from L2. */
enum { MR = 8, NR = 32, KC_MAX = 384, MC = 192, NC = 1024 };

int digits_bf16_supported(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw")
        && __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512bf16");
}

/* One packing buffer per thread, grown on demand and freed when the thread ends: replicas on
   several cores multiply at the same time, and a malloc per call above the mmap threshold
   would fault its pages in again on every product. */
typedef struct {
    uint32_t *data;
    size_t capacity;
} packing_buffer;

static pthread_key_t buffer_key;
static pthread_once_t buffer_once = PTHREAD_ONCE_INIT;

static void buffer_release(void *pointer) {
    packing_buffer *buffer = pointer;
    free(buffer->data);
    free(buffer);
}

static void buffer_key_create(void) { pthread_key_create(&buffer_key, buffer_release); }

static uint32_t *thread_buffer(size_t count) {
    pthread_once(&buffer_once, buffer_key_create);
    packing_buffer *buffer = pthread_getspecific(buffer_key);
    if (!buffer) {
        buffer = calloc(1, sizeof *buffer);
        if (!buffer) return NULL;
        if (pthread_setspecific(buffer_key, buffer) != 0) {
            free(buffer);
            return NULL;
        }
    }
    if (buffer->capacity < count) {
        free(buffer->data);
        size_t bytes = (count * sizeof(uint32_t) + 63) / 64 * 64;
        buffer->data = aligned_alloc(64, bytes);
        buffer->capacity = buffer->data ? count : 0;
    }
    return buffer->data;
}

/* Up to 16 floats from p, zeros past `count` (masked lanes are never read, so p may end there). */
TARGET static inline __m512 load_up_to(const float *p, long count) {
    __mmask16 mask = count >= 16 ? (__mmask16)0xFFFF : count <= 0 ? (__mmask16)0 : (__mmask16)((1u << count) - 1);
    return _mm512_maskz_loadu_ps(mask, p);
}

/* Lane j of the result is the pair (bf16(first[j]) low, bf16(second[j]) high): two k rows of
   16 columns become the 16 k-pairs that vdpbf16ps multiplies in one lane. */
TARGET static inline __m512i interleave_pairs(__m512 first, __m512 second) {
    __m512i both = (__m512i)_mm512_cvtne2ps_pbh(second, first);
    const __m512i order = _mm512_set_epi16(31, 15, 30, 14, 29, 13, 28, 12, 27, 11, 26, 10, 25, 9, 24, 8,
                                           23, 7, 22, 6, 21, 5, 20, 4, 19, 3, 18, 2, 17, 1, 16, 0);
    return _mm512_permutexvar_epi16(order, both);
}

/* Packs kc rows (the k direction) × `columns` columns of a row-major source whose columns are
   the outputs' index: dst[p·pair_stride + j] is the pair of rows 2p, 2p+1 of column j, columns
   past `columns` up to `padded` (a multiple of 16) and a missing last row are zero. */
TARGET static void pack_across_rows(const float *src, long ld, int kc, int columns, int padded,
                                    uint32_t *dst, long pair_stride) {
    int pairs = (kc + 1) / 2;
    for (int p = 0; p < pairs; p++) {
        const float *first = src + 2L * p * ld, *second = first + ld;
        int has_second = 2 * p + 1 < kc;
        for (int j = 0; j < padded; j += 16) {
            __m512 x = load_up_to(first + j, columns - j);
            __m512 y = has_second ? load_up_to(second + j, columns - j) : _mm512_setzero_ps();
            _mm512_storeu_si512(dst + p * pair_stride + j, interleave_pairs(x, y));
        }
    }
}

/* Packs `lines` lines whose kc values run contiguously along k (padded lines are zero):
   dst[line·line_stride + p·pair_stride] is the pair (2p, 2p+1) of that line. */
TARGET static void pack_along_rows(const float *src, long ld, int lines, int padded, int kc,
                                   uint32_t *dst, long line_stride, long pair_stride) {
    int pairs = (kc + 1) / 2;
    for (int line = 0; line < padded; line++) {
        uint32_t *out = dst + line * line_stride;
        const float *row = src + line * ld;
        for (int p = 0; p < pairs; p += 16) {
            __m512i units = _mm512_setzero_si512();
            if (line < lines) {
                long left = kc - 2L * p;
                units = (__m512i)_mm512_cvtne2ps_pbh(load_up_to(row + 2 * p + 16, left - 16), load_up_to(row + 2 * p, left));
            }
            int count = pairs - p < 16 ? pairs - p : 16;
            if (pair_stride == 1) {
                _mm512_mask_storeu_epi32(out + p, (__mmask16)((1u << count) - 1), units);
            } else {
                uint32_t lanes[16] __attribute__((aligned(64)));
                _mm512_store_si512(lanes, units);
                for (int q = 0; q < count; q++) out[(p + q) * pair_stride] = lanes[q];
            }
        }
    }
}

/* The MR × NR tile: `pairs` k-pairs of packed A (row r, pair p at a[r·row_stride + p·pair_stride])
   times a packed B panel (pair p at b[p·NR]), then C = alpha·tile + beta·C on the first k block
   and C += alpha·tile on later ones, for the mr × nr part of the tile inside C. */
TARGET static inline __attribute__((always_inline)) void tile(int pairs, const uint32_t *a, long row_stride, long pair_stride,
                                                              const uint32_t *b, int mr, int nr, float alpha, float beta,
                                                              int first, float *c, long ldc) {
    __m512 acc[MR][2];
    for (int r = 0; r < MR; r++) acc[r][0] = acc[r][1] = _mm512_setzero_ps();
    for (int p = 0; p < pairs; p++) {
        __m512bh b0 = (__m512bh)_mm512_load_si512(b), b1 = (__m512bh)_mm512_load_si512(b + 16);
#pragma clang loop unroll(full)
        for (int r = 0; r < MR; r++) {
            __m512bh x = (__m512bh)_mm512_set1_epi32((int)a[r * row_stride]);
            acc[r][0] = _mm512_dpbf16_ps(acc[r][0], x, b0);
            acc[r][1] = _mm512_dpbf16_ps(acc[r][1], x, b1);
        }
        a += pair_stride;
        b += NR;
    }
    __mmask16 masks[2] = {
        nr >= 16 ? (__mmask16)0xFFFF : (__mmask16)((1u << nr) - 1),
        nr >= 32 ? (__mmask16)0xFFFF : nr <= 16 ? (__mmask16)0 : (__mmask16)((1u << (nr - 16)) - 1),
    };
    __m512 scale = _mm512_set1_ps(alpha), keep = _mm512_set1_ps(beta);
    /* Unrolled over MR with a test rather than looping to mr: indexing acc by a variable
       would keep the whole tile in memory instead of registers. */
#pragma clang loop unroll(full)
    for (int r = 0; r < MR; r++) {
#pragma clang loop unroll(full)
        for (int h = 0; h < 2; h++) {
            if (r >= mr || !masks[h]) continue;
            float *out = c + r * ldc + 16 * h;
            __m512 v = _mm512_mul_ps(scale, acc[r][h]);
            if (!first) {
                v = _mm512_add_ps(v, _mm512_maskz_loadu_ps(masks[h], out));
            } else if (beta != 0) {
                v = _mm512_fmadd_ps(keep, _mm512_maskz_loadu_ps(masks[h], out), v);
            }
            _mm512_mask_storeu_ps(out, masks[h], v);
        }
    }
}

/* The two layouts of packed A, each with its own constant stride so the compiler keeps the
   broadcast addresses simple. */
TARGET static void tile_rows(int pairs, const uint32_t *a, long row_stride, const uint32_t *b, int mr, int nr,
                             float alpha, float beta, int first, float *c, long ldc) {
    tile(pairs, a, row_stride, 1, b, mr, nr, alpha, beta, first, c, ldc);
}

TARGET static void tile_columns(int pairs, const uint32_t *a, long pair_stride, const uint32_t *b, int mr, int nr,
                                float alpha, float beta, int first, float *c, long ldc) {
    tile(pairs, a, 1, pair_stride, b, mr, nr, alpha, beta, first, c, ldc);
}

static void scale_only(int m, int n, float beta, float *c, int ldc) {
    for (int i = 0; i < m; i++)
        for (int j = 0; j < n; j++) c[(long)i * ldc + j] = beta == 0 ? 0 : beta * c[(long)i * ldc + j];
}

TARGET static int gemm(int trans_a, int trans_b, int m, int n, int k, float alpha, const float *a, long lda,
                       const float *b, long ldb, float beta, float *c, long ldc) {
    /* Equal even k blocks, so no block is a short remainder (K = 576 runs as 2 × 288). */
    int blocks = (k + KC_MAX - 1) / KC_MAX;
    int kc_step = ((k + blocks - 1) / blocks + 1) / 2 * 2;
    enum { MC_PAD = (MC + 15) / 16 * 16 };
    size_t a_units = (size_t)MC_PAD * (KC_MAX / 2), b_units = (size_t)(KC_MAX / 2) * ((NC + NR - 1) / NR * NR);
    uint32_t *packed_a = thread_buffer(a_units + b_units);
    if (!packed_a) return -1;
    uint32_t *packed_b = packed_a + a_units;
    for (int n0 = 0; n0 < n; n0 += NC) {
        int nc = n - n0 < NC ? n - n0 : NC, panels = (nc + NR - 1) / NR;
        for (int k0 = 0; k0 < k; k0 += kc_step) {
            int kc = k - k0 < kc_step ? k - k0 : kc_step, pairs = (kc + 1) / 2;
            for (int panel = 0; panel < panels; panel++) {
                int j0 = panel * NR, width = nc - j0 < NR ? nc - j0 : NR;
                uint32_t *dst = packed_b + (size_t)panel * pairs * NR;
                if (trans_b) {
                    pack_along_rows(b + (long)(n0 + j0) * ldb + k0, ldb, width, NR, kc, dst, 1, NR);
                } else {
                    pack_across_rows(b + (long)k0 * ldb + n0 + j0, ldb, kc, width, NR, dst, NR);
                }
            }
            for (int m0 = 0; m0 < m; m0 += MC) {
                int mc = m - m0 < MC ? m - m0 : MC, padded = (mc + 15) / 16 * 16;
                if (trans_a) {
                    pack_across_rows(a + (long)k0 * lda + m0, lda, kc, mc, padded, packed_a, padded);
                } else {
                    pack_along_rows(a + (long)m0 * lda + k0, lda, mc, padded, kc, packed_a, pairs, 1);
                }
                for (int panel = 0; panel < panels; panel++) {
                    int j0 = panel * NR, width = nc - j0 < NR ? nc - j0 : NR;
                    const uint32_t *panel_b = packed_b + (size_t)panel * pairs * NR;
                    for (int i0 = 0; i0 < mc; i0 += MR) {
                        int rows = mc - i0 < MR ? mc - i0 : MR;
                        float *out = c + (long)(m0 + i0) * ldc + n0 + j0;
                        if (trans_a) {
                            tile_columns(pairs, packed_a + i0, padded, panel_b, rows, width, alpha, beta, k0 == 0, out, ldc);
                        } else {
                            tile_rows(pairs, packed_a + (size_t)i0 * pairs, pairs, panel_b, rows, width, alpha, beta, k0 == 0, out, ldc);
                        }
                    }
                }
            }
        }
    }
    return 0;
}

int digits_bf16_gemm(int trans_a, int trans_b, int m, int n, int k, float alpha,
                     const float *a, int lda, const float *b, int ldb, float beta, float *c, int ldc) {
    if (!digits_bf16_supported()) return -1;
    if (m <= 0 || n <= 0) return 0;
    if (k <= 0) {
        scale_only(m, n, beta, c, ldc);
        return 0;
    }
    return gemm(trans_a, trans_b, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

#else

int digits_bf16_supported(void) { return 0; }

int digits_bf16_gemm(int trans_a, int trans_b, int m, int n, int k, float alpha,
                     const float *a, int lda, const float *b, int ldb, float beta, float *c, int ldc) {
    (void)trans_a; (void)trans_b; (void)m; (void)n; (void)k; (void)alpha;
    (void)a; (void)lda; (void)b; (void)ldb; (void)beta; (void)c; (void)ldc;
    return -1;
}

#endif
