import CBLAS

/// OpenBLAS's own worker threads (DigitsKit's loops use `workerCount` instead).
public enum BLASThreads {
    /// Keeps BLAS on the calling thread. Reading a few pictures multiplies matrices of one row,
    /// where waking OpenBLAS's second thread costs more than the product itself: on a loaded
    /// machine about 2 ms against 0.3 ms for classifying a whole canvas with PCA → SVC. Batch
    /// work (training, predicting 10 000 digits) keeps the default and its speed-up.
    public static func useCallingThreadOnly() {
        #if canImport(Accelerate)
        // Accelerate manages its own threads.
        #else
        openblas_set_num_threads(1)
        #endif
    }

    /// Runs `body` with BLAS on the calling thread, then gives BLAS its threads back: for work
    /// that spreads itself over the cores, where BLAS threads would only fight it for them.
    static func callingThreadOnly<T>(_ body: () throws -> T) rethrows -> T {
        #if canImport(Accelerate)
        return try body()
        #else
        let threads = openblas_get_num_threads()
        openblas_set_num_threads(1)
        defer { openblas_set_num_threads(threads) }
        return try body()
        #endif
    }
}
