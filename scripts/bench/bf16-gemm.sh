#!/usr/bin/env bash
# Builds and runs scripts/bench/bf16-gemm.c: the bfloat16 GEMM against cblas_sgemm on one
# thread, on cnn-b's training products (see the C file). Needs a C compiler and libopenblas-dev.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
${CC:-cc} -O2 -ISources/CBFloat16/include $(pkg-config --cflags openblas) scripts/bench/bf16-gemm.c \
    Sources/CBFloat16/bf16_gemm.c $(pkg-config --libs openblas) -lm -lpthread -o "$out/bf16-gemm"
"$out/bf16-gemm"
