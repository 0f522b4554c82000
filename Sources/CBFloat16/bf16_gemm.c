#include "bf16_gemm.h"

#if defined(__x86_64__)
#include <immintrin.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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

/* Per-thread buffers, grown on demand and freed when the thread ends: replicas on several cores
   multiply at the same time, and a malloc per call above the mmap threshold would fault its
   pages in again on every product. One holds the packed operands, the other the block of
   product rows an input gradient folds. */
enum buffer_use { PACKING, FOLD_BLOCK, BUFFER_USES };

typedef struct {
    void *data[BUFFER_USES];
    size_t bytes[BUFFER_USES];
} thread_buffers;

static pthread_key_t buffer_key;
static pthread_once_t buffer_once = PTHREAD_ONCE_INIT;

static void buffers_release(void *pointer) {
    thread_buffers *buffers = pointer;
    for (int use = 0; use < BUFFER_USES; use++) free(buffers->data[use]);
    free(buffers);
}

static void buffer_key_create(void) { pthread_key_create(&buffer_key, buffers_release); }

/* This thread's buffer for `use`, 64-byte aligned, of at least `bytes` bytes (NULL when out of memory). */
static void *thread_buffer(enum buffer_use use, size_t bytes) {
    pthread_once(&buffer_once, buffer_key_create);
    thread_buffers *buffers = pthread_getspecific(buffer_key);
    if (!buffers) {
        buffers = calloc(1, sizeof *buffers);
        if (!buffers) return NULL;
        if (pthread_setspecific(buffer_key, buffers) != 0) {
            free(buffers);
            return NULL;
        }
    }
    if (buffers->bytes[use] < bytes) {
        free(buffers->data[use]);
        size_t rounded = (bytes + 63) / 64 * 64;
        buffers->data[use] = aligned_alloc(64, rounded);
        buffers->bytes[use] = buffers->data[use] ? rounded : 0;
    }
    return buffers->data[use];
}

/* What a packing routine reads: a row-major matrix (data, ld), or, where `convolution` is set,
   the patch matrix of its input images `data`, gathered row by row while packing, so that the
   lowered copy (several megabytes for a batch, past L2) is never written and read back. */
typedef struct {
    const float *data;
    long ld;
    const digits_bf16_convolution *convolution;
} operand;

/* Up to 16 floats from p, zeros past `count` (masked lanes are never read, so p may end there).
   A full load is not masked: a masked load waits for the stores it reads to retire instead of
   taking their data forwarded, which stalled packing on gathered rows just written. */
TARGET static inline __m512 load_up_to(const float *p, long count) {
    if (count >= 16) return _mm512_loadu_ps(p);
    __mmask16 mask = count <= 0 ? (__mmask16)0 : (__mmask16)((1u << count) - 1);
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

/* Copies `count` floats; writes `count` zeros (the scratch of a gathered row is in L1, so
   vector moves beat a memcpy call for these few hundred bytes; only the tail is masked, see
   load_up_to). */
TARGET static inline void copy_floats(float *dst, const float *src, int count) {
    int i = 0;
    for (; i + 16 <= count; i += 16) _mm512_storeu_ps(dst + i, _mm512_loadu_ps(src + i));
    if (i < count) {
        __mmask16 mask = (__mmask16)((1u << (count - i)) - 1);
        _mm512_mask_storeu_ps(dst + i, mask, _mm512_maskz_loadu_ps(mask, src + i));
    }
}

TARGET static inline void zero_floats(float *dst, int count) {
    int i = 0;
    for (; i + 16 <= count; i += 16) _mm512_storeu_ps(dst + i, _mm512_setzero_ps());
    if (i < count) _mm512_mask_storeu_ps(dst + i, (__mmask16)((1u << (count - i)) - 1), _mm512_setzero_ps());
}

/* A walk over consecutive rows of a patch matrix (packing and folding take rows in order): it
   tracks each row's image and output pixel, so that no row's position costs a division. */
typedef struct {
    const digits_bf16_convolution *convolution;
    long image;  /* offset of the row's image in the batch */
    int oy, ox;
} patch_walk;

static inline patch_walk patch_walk_from(const digits_bf16_convolution *g, long row) {
    long per_image = (long)g->out_height * g->out_width;
    int position = (int)(row % per_image);
    return (patch_walk){g, row / per_image * g->height * g->width * g->channels, position / g->out_width,
                        position % g->out_width};
}

static inline void patch_walk_next(patch_walk *walk) {
    const digits_bf16_convolution *g = walk->convolution;
    if (++walk->ox < g->out_width) return;
    walk->ox = 0;
    if (++walk->oy < g->out_height) return;
    walk->oy = 0;
    walk->image += (long)g->height * g->width * g->channels;
}

/* The window under the walk's output pixel: its first cell's pixel (top, left; negative over
   the padding), and the offsets inside_first..inside_last within each kernel row that read
   pixels inside the image. A kernel row's K·C entries are adjacent in the NHWC image too. */
typedef struct {
    int top, left, inside_first, inside_last;
} patch_window;

static inline patch_window window_of(const patch_walk *walk) {
    const digits_bf16_convolution *g = walk->convolution;
    int left = walk->ox * g->stride - g->padding;
    int first_cell = left < 0 ? -left : 0, last_cell = g->width - left;
    if (first_cell > g->kernel) first_cell = g->kernel;
    if (last_cell > g->kernel) last_cell = g->kernel;
    if (last_cell < first_cell) last_cell = first_cell;
    return (patch_window){walk->oy * g->stride - g->padding, left, first_cell * g->channels, last_cell * g->channels};
}

/* Where kernel row ky of the window starts in the images (valid only when that row is inside). */
static inline long kernel_row_start(const patch_walk *walk, patch_window window, int ky) {
    const digits_bf16_convolution *g = walk->convolution;
    return walk->image + ((long)(window.top + ky) * g->width + window.left) * g->channels;
}

/* Entries first..first+count of the walk's patch row of `images`: a pointer into the images
   where they are one stretch of them (inside one kernel row, off the padding), otherwise
   gathered into out, per kernel row one copy between zeros. */
TARGET static const float *gather_patch_row(const patch_walk *walk, const float *images, int first, int count,
                                            float *out) {
    const digits_bf16_convolution *g = walk->convolution;
    patch_window window = window_of(walk);
    int run = g->kernel * g->channels, ky = first / run, offset = first - ky * run;
    int inside = window.top + ky >= 0 && window.top + ky < g->height;
    if (inside && offset + count <= run && offset >= window.inside_first && offset + count <= window.inside_last) {
        return images + kernel_row_start(walk, window, ky) + offset;
    }
    for (float *dst = out; count > 0; ky++, offset = 0) {
        int length = count < run - offset ? count : run - offset, zeros = length, copied = 0;
        if (window.top + ky >= 0 && window.top + ky < g->height) {
            zeros = window.inside_first - offset;
            zeros = zeros < 0 ? 0 : zeros > length ? length : zeros;
            int stop = offset + length < window.inside_last ? offset + length : window.inside_last;
            copied = stop - (offset + zeros) > 0 ? stop - (offset + zeros) : 0;
        }
        zero_floats(dst, zeros);
        copy_floats(dst + zeros, images + kernel_row_start(walk, window, ky) + offset + zeros, copied);
        zero_floats(dst + zeros + copied, length - zeros - copied);
        dst += length;
        count -= length;
    }
    return out;
}

/* The adjoint of gathering a whole patch row: adds its entries over the image onto `images`
   (those over the padding are dropped). */
TARGET static void scatter_patch_row(const patch_walk *walk, float *images, const float *values) {
    const digits_bf16_convolution *g = walk->convolution;
    patch_window window = window_of(walk);
    int run = g->kernel * g->channels;
    for (int ky = 0; ky < g->kernel; ky++) {
        if (window.top + ky < 0 || window.top + ky >= g->height) continue;
        float *pixels = images + kernel_row_start(walk, window, ky);
        const float *source = values + ky * run;
        for (int o = window.inside_first; o < window.inside_last; o++) pixels[o] += source[o];
    }
}

/* Reads an operand's rows in order, from row `row` on. */
typedef struct {
    const operand *source;
    long row;
    patch_walk walk;  /* patch matrices only */
} row_cursor;

static inline row_cursor rows_from(const operand *source, long row) {
    row_cursor cursor = {source, row, {0}};
    if (source->convolution) cursor.walk = patch_walk_from(source->convolution, row);
    return cursor;
}

/* Entries first..first+count of the cursor's row, then moves it to the next row: a pointer
   into the matrix or images, or the gathered patch row in `scratch` (room for `count` floats). */
TARGET static inline const float *next_row(row_cursor *cursor, long first, int count, float *scratch) {
    const operand *source = cursor->source;
    if (!source->convolution) return source->data + cursor->row++ * source->ld + first;
    const float *row = gather_patch_row(&cursor->walk, source->data, (int)first, count, scratch);
    patch_walk_next(&cursor->walk);
    return row;
}

/* Packs rows row0..row0+kc (the k direction) × columns col0..col0+`columns` of an operand whose
   columns are the outputs' index: dst[p·pair_stride + j] is the pair of rows 2p, 2p+1 of column j,
   columns past `columns` up to `padded` (a multiple of 16) and a missing last row are zero. */
TARGET static void pack_across_rows(const operand *src, long row0, long col0, int kc, int columns, int padded,
                                    uint32_t *dst, long pair_stride) {
    float scratch[2][MC] __attribute__((aligned(64)));
    int pairs = (kc + 1) / 2;
    row_cursor rows = rows_from(src, row0);
    for (int p = 0; p < pairs; p++) {
        const float *first = next_row(&rows, col0, columns, scratch[0]);
        int has_second = 2 * p + 1 < kc;
        const float *second = has_second ? next_row(&rows, col0, columns, scratch[1]) : NULL;
        for (int j = 0; j < padded; j += 16) {
            __m512 x = load_up_to(first + j, columns - j);
            __m512 y = has_second ? load_up_to(second + j, columns - j) : _mm512_setzero_ps();
            _mm512_storeu_si512(dst + p * pair_stride + j, interleave_pairs(x, y));
        }
    }
}

/* Packs `lines` lines line0.. of an operand, each over its entries k0..k0+kc (the k direction;
   padded lines are zero): dst[line·line_stride + p·pair_stride] is the pair (2p, 2p+1) of that line. */
TARGET static void pack_along_rows(const operand *src, long line0, long k0, int lines, int padded, int kc,
                                   uint32_t *dst, long line_stride, long pair_stride) {
    float scratch[KC_MAX] __attribute__((aligned(64)));
    int pairs = (kc + 1) / 2;
    row_cursor rows = rows_from(src, line0);
    for (int line = 0; line < padded; line++) {
        uint32_t *out = dst + line * line_stride;
        const float *row = line < lines ? next_row(&rows, k0, kc, scratch) : NULL;
        for (int p = 0; p < pairs; p += 16) {
            __m512i units = _mm512_setzero_si512();
            if (row) {
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

/* With `fold` set, C is not the m × n product but a block of MC rows (ldc apart), and each block
   of finished rows is added onto fold->images as patch rows (a convolution's input gradient)
   while it is still in L2; this needs n ≤ NC and k ≤ KC_MAX, so that a block's rows are final
   after one pass. */
typedef struct {
    const digits_bf16_convolution *convolution;
    float *images;
} fold_target;

TARGET static int gemm(int trans_a, int trans_b, int m, int n, int k, float alpha, const operand *a,
                       const operand *b, float beta, float *c, long ldc, const fold_target *fold) {
    /* Equal even k blocks, so no block is a short remainder (K = 576 runs as 2 × 288). */
    int blocks = (k + KC_MAX - 1) / KC_MAX;
    int kc_step = ((k + blocks - 1) / blocks + 1) / 2 * 2;
    enum { MC_PAD = (MC + 15) / 16 * 16 };
    size_t a_units = (size_t)MC_PAD * (KC_MAX / 2), b_units = (size_t)(KC_MAX / 2) * ((NC + NR - 1) / NR * NR);
    uint32_t *packed_a = thread_buffer(PACKING, (a_units + b_units) * sizeof(uint32_t));
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
                    pack_along_rows(b, n0 + j0, k0, width, NR, kc, dst, 1, NR);
                } else {
                    pack_across_rows(b, k0, n0 + j0, kc, width, NR, dst, NR);
                }
            }
            for (int m0 = 0; m0 < m; m0 += MC) {
                int mc = m - m0 < MC ? m - m0 : MC, padded = (mc + 15) / 16 * 16;
                if (trans_a) {
                    pack_across_rows(a, k0, m0, kc, mc, padded, packed_a, padded);
                } else {
                    pack_along_rows(a, m0, k0, mc, padded, kc, packed_a, pairs, 1);
                }
                for (int panel = 0; panel < panels; panel++) {
                    int j0 = panel * NR, width = nc - j0 < NR ? nc - j0 : NR;
                    const uint32_t *panel_b = packed_b + (size_t)panel * pairs * NR;
                    for (int i0 = 0; i0 < mc; i0 += MR) {
                        int rows = mc - i0 < MR ? mc - i0 : MR;
                        float *out = c + (long)(fold ? i0 : m0 + i0) * ldc + n0 + j0;
                        if (trans_a) {
                            tile_columns(pairs, packed_a + i0, padded, panel_b, rows, width, alpha, beta, k0 == 0, out, ldc);
                        } else {
                            tile_rows(pairs, packed_a + (size_t)i0 * pairs, pairs, panel_b, rows, width, alpha, beta, k0 == 0, out, ldc);
                        }
                    }
                }
                if (fold) {
                    patch_walk walk = patch_walk_from(fold->convolution, m0);
                    for (int i = 0; i < mc; i++, patch_walk_next(&walk)) scatter_patch_row(&walk, fold->images, c + (long)i * ldc);
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
    operand left = {a, lda, NULL}, right = {b, ldb, NULL};
    return gemm(trans_a, trans_b, m, n, k, alpha, &left, &right, beta, c, ldc, NULL);
}

static int patch_rows(const digits_bf16_convolution *g, int batch) { return batch * g->out_height * g->out_width; }

static int patch_size(const digits_bf16_convolution *g) { return g->kernel * g->kernel * g->channels; }

int digits_bf16_gemm_patches(int trans_a, const digits_bf16_convolution *convolution, const float *images, int batch,
                             int n, float alpha, const float *b, int ldb, float beta, float *c, int ldc) {
    if (!digits_bf16_supported()) return -1;
    int rows = patch_rows(convolution, batch), size = patch_size(convolution);
    int m = trans_a ? size : rows, k = trans_a ? rows : size;
    if (m <= 0 || n <= 0) return 0;
    if (k <= 0) {
        scale_only(m, n, beta, c, ldc);
        return 0;
    }
    operand left = {images, 0, convolution}, right = {b, ldb, NULL};
    return gemm(trans_a, 0, m, n, k, alpha, &left, &right, beta, c, ldc, NULL);
}

int digits_bf16_fold_product(const digits_bf16_convolution *convolution, int batch, int filters, const float *dy,
                             const float *w, float *dx) {
    int rows = patch_rows(convolution, batch), size = patch_size(convolution);
    if (!digits_bf16_supported() || size > NC || filters > KC_MAX) return -1;
    float *block = thread_buffer(FOLD_BLOCK, MC * (size_t)size * sizeof(float));
    if (!block) return -1;
    memset(dx, 0, (size_t)batch * convolution->height * convolution->width * convolution->channels * sizeof *dx);
    if (rows <= 0 || size <= 0 || filters <= 0) return 0;
    operand left = {dy, filters, NULL}, right = {w, filters, NULL};
    fold_target fold = {convolution, dx};
    return gemm(0, 1, rows, size, filters, 1, &left, &right, 0, block, size, &fold);
}

#else

int digits_bf16_supported(void) { return 0; }

int digits_bf16_gemm(int trans_a, int trans_b, int m, int n, int k, float alpha,
                     const float *a, int lda, const float *b, int ldb, float beta, float *c, int ldc) {
    (void)trans_a; (void)trans_b; (void)m; (void)n; (void)k; (void)alpha;
    (void)a; (void)lda; (void)b; (void)ldb; (void)beta; (void)c; (void)ldc;
    return -1;
}

int digits_bf16_gemm_patches(int trans_a, const digits_bf16_convolution *convolution, const float *images, int batch,
                             int n, float alpha, const float *b, int ldb, float beta, float *c, int ldc) {
    (void)trans_a; (void)convolution; (void)images; (void)batch; (void)n; (void)alpha; (void)b; (void)ldb; (void)beta;
    (void)c; (void)ldc;
    return -1;
}

int digits_bf16_fold_product(const digits_bf16_convolution *convolution, int batch, int filters, const float *dy,
                             const float *w, float *dx) {
    (void)convolution; (void)batch; (void)filters; (void)dy; (void)w; (void)dx;
    return -1;
}

#endif
