import CBLAS

/// Which compute kernels OpenBLAS runs, for benchmark reports.
///
/// OpenBLAS picks them from the processor when the library loads, unless the environment
/// variable `OPENBLAS_CORETYPE` names a family. The development machines set
/// `OPENBLAS_CORETYPE=Haswell` (AVX2) for every program, scikit-learn's numpy included, so
/// measurements there compare like with like; unset, OpenBLAS 0.3.21 picks its AVX-512
/// "Cooperlake" kernels on the same processor.
public enum BLASKernels {
    /// The kernel family OpenBLAS is running, e.g. "Haswell" or "Cooperlake".
    public static var current: String {
        openblas_get_corename().map { String(cString: $0) } ?? "unknown"
    }
}
