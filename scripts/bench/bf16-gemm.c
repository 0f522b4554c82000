/* GFLOP/s of the bfloat16 GEMM (Sources/CBFloat16) against OpenBLAS's cblas_sgemm, both on one
   thread, on the products one cnn-b training replica multiplies per step (batch 64 split over
   two cores: 32 images), plus awkward sizes; also the largest error relative to the typical
   size of an entry (sqrt(k)/3 for entries uniform in [-1, 1]). Build and run:

     scripts/bench/bf16-gemm.sh

   OpenBLAS runs the kernels OPENBLAS_CORETYPE names (this machine: Haswell); run it quiet. */
#include "bf16_gemm.h"
#include <cblas.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static float uniform(void) { return (float)(rand() / (double)RAND_MAX * 2 - 1); }

/* Best of 5 timings of about 0.2 s each. */
static double best_seconds(int bf16, int ta, int tb, int m, int n, int k, const float *a, int lda,
                           const float *b, int ldb, float *c, int ldc) {
    int reps = (int)(4e8 / (2.0 * m * n * k)) + 1;
    double best = 1e30;
    for (int t = 0; t < 5; t++) {
        double start = now();
        for (int r = 0; r < reps; r++) {
            if (bf16) digits_bf16_gemm(ta, tb, m, n, k, 1, a, lda, b, ldb, 0, c, ldc);
            else cblas_sgemm(CblasRowMajor, ta ? CblasTrans : CblasNoTrans, tb ? CblasTrans : CblasNoTrans,
                             m, n, k, 1, a, lda, b, ldb, 0, c, ldc);
        }
        double seconds = (now() - start) / reps;
        if (seconds < best) best = seconds;
    }
    return best;
}

static void measure(const char *name, int ta, int tb, int m, int n, int k) {
    int lda = ta ? m : k, ldb = tb ? k : n, ldc = n;
    long a_count = (long)(ta ? k : m) * lda, b_count = (long)(tb ? n : k) * ldb, c_count = (long)m * ldc;
    float *a = malloc(a_count * sizeof *a), *b = malloc(b_count * sizeof *b);
    float *exact = malloc(c_count * sizeof *exact), *rounded = malloc(c_count * sizeof *rounded);
    if (!a || !b || !exact || !rounded) { fprintf(stderr, "out of memory\n"); exit(1); }
    for (long i = 0; i < a_count; i++) a[i] = uniform();
    for (long i = 0; i < b_count; i++) b[i] = uniform();
    cblas_sgemm(CblasRowMajor, ta ? CblasTrans : CblasNoTrans, tb ? CblasTrans : CblasNoTrans,
                m, n, k, 1, a, lda, b, ldb, 0, exact, ldc);
    digits_bf16_gemm(ta, tb, m, n, k, 1, a, lda, b, ldb, 0, rounded, ldc);
    double worst = 0;
    for (long i = 0; i < c_count; i++) worst = fmax(worst, fabs(exact[i] - rounded[i]));
    double flops = 2.0 * m * n * k;
    double s = best_seconds(0, ta, tb, m, n, k, a, lda, b, ldb, exact, ldc);
    double h = best_seconds(1, ta, tb, m, n, k, a, lda, b, ldb, rounded, ldc);
    printf("%-12s %c%c %6d x %5d x %6d   sgemm %6.1f   bf16 %6.1f GFLOP/s   %4.2fx   error/size %.4f\n", name,
           ta ? 'T' : 'N', tb ? 'T' : 'N', m, n, k, flops / s / 1e9, flops / h / 1e9, s / h, worst / (sqrt(k) / 3));
    free(a); free(b); free(exact); free(rounded);
}

int main(void) {
    if (!digits_bf16_supported()) {
        fprintf(stderr, "this processor lacks AVX512-BF16\n");
        return 1;
    }
    openblas_set_num_threads(1);
    printf("one thread; OpenBLAS kernels: %s\n", openblas_get_corename());
    static const struct { const char *name; int ta, tb, m, n, k; } products[] = {
        {"conv1 fwd", 0, 0, 21632, 32, 9},    {"conv1 wgrad", 1, 0, 9, 32, 21632},
        {"conv2 fwd", 0, 0, 3872, 64, 288},   {"conv2 wgrad", 1, 0, 288, 64, 3872},
        {"conv2 dgrad", 0, 1, 3872, 288, 64}, {"conv3 fwd", 0, 0, 2592, 64, 576},
        {"conv3 wgrad", 1, 0, 576, 64, 2592}, {"conv3 dgrad", 0, 1, 2592, 576, 64},
        {"dense1 fwd", 0, 0, 32, 100, 1024},  {"dense1 wgrad", 1, 0, 1024, 100, 32},
        {"dense1 dgrad", 0, 1, 32, 1024, 100}, {"square", 0, 0, 1024, 1024, 1024},
        {"awkward", 1, 1, 37, 45, 17},
    };
    for (size_t i = 0; i < sizeof products / sizeof products[0]; i++)
        measure(products[i].name, products[i].ta, products[i].tb, products[i].m, products[i].n, products[i].k);
    return 0;
}
