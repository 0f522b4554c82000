#if os(Linux)
import CMalloc
#endif

/// How the `digits` process keeps freed memory.
enum HeapTuning {
    /// glibc hands a freed block of a few megabytes straight back to the kernel (mmap above its
    /// threshold, heap trimming past 2× that), so every photo faults its decoded pixels and the
    /// extractor's working images in afresh, page by page: 11 of a 12-megapixel photo's 51 ms
    /// (`digits bench vision`, quiet: 51.3 → 40.1 ms, canvas unchanged). Blocks up to 32 MB
    /// come from the heap and up to 128 MB of free heap is kept for the next picture — the
    /// working set of one photo, not of the whole process.
    static func keepPictureSizedBlocks() {
        #if os(Linux)
        _ = mallopt(M_MMAP_THRESHOLD, 32 << 20)
        _ = mallopt(M_TRIM_THRESHOLD, 128 << 20)
        #endif
    }
}
