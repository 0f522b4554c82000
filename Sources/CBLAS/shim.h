#ifndef DIGITS_CBLAS_SHIM_H
#define DIGITS_CBLAS_SHIM_H

#include <cblas.h>

// LAPACK routines used by DigitsKit (OpenBLAS exports them with Fortran linkage).
// Symmetric eigen-decomposition, divide and conquer: PCA on the covariance matrix.
void ssyevd_(const char *jobz, const char *uplo, const int *n, float *a, const int *lda,
             float *w, float *work, const int *lwork, int *iwork, const int *liwork, int *info);

#endif
