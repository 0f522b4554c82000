#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Facts about the running process that benchmarks report.
public enum ProcessStats {
    /// The most resident memory this process has used so far, in mebibytes.
    public static func peakResidentMegabytes() -> Double {
        let usage = selfUsage()
        #if canImport(Darwin)
        return Double(usage.ru_maxrss) / (1024 * 1024)  // bytes on Darwin
        #else
        return Double(usage.ru_maxrss) / 1024  // kibibytes on Linux
        #endif
    }

    /// CPU seconds this process has spent in user mode, all threads together: unlike wall time,
    /// it does not grow when other processes load the machine.
    public static func userCPUSeconds() -> Double {
        let usage = selfUsage()
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
    }

    private static func selfUsage() -> rusage {
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        return usage
    }
}
