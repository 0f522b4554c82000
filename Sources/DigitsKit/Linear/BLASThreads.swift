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
}
