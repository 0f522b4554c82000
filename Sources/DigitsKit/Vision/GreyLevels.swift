/// A histogram of grey levels (0…255), for percentiles and Otsu's threshold.
struct GreyLevels {
    private(set) var histogram = [Int](repeating: 0, count: 256)
    private(set) var count = 0

    init() {}

    /// Levels 0…1, rounded to 256 steps.
    init(_ pixels: [Float]) {
        count = pixels.count
        // Four interleaved histograms: paper is mostly one level, and incrementing one bin over
        // and over waits on the previous increment each time.
        var partial = [Int](repeating: 0, count: 4 * 256)
        pixels.withUnsafeBufferPointer { v in
            partial.withUnsafeMutableBufferPointer { bins in
                let quads = v.count / 4
                for q in 0..<quads {
                    bins[Self.level(v[4 * q])] &+= 1
                    bins[256 &+ Self.level(v[4 * q + 1])] &+= 1
                    bins[512 &+ Self.level(v[4 * q + 2])] &+= 1
                    bins[768 &+ Self.level(v[4 * q + 3])] &+= 1
                }
                for i in (4 * quads)..<v.count { bins[Self.level(v[i])] &+= 1 }
            }
        }
        for level in 0..<256 {
            histogram[level] = partial[level] + partial[256 + level] + partial[512 + level] + partial[768 + level]
        }
    }

    /// A grey 0…1 as one of the 256 levels.
    @inline(__always)
    static func level(_ grey: Float) -> Int { Int(max(0, min(255, grey * 255 + 0.5))) }

    mutating func add(_ level: UInt8) {
        histogram[Int(level)] += 1
        count += 1
    }

    /// Adds a grey 0…1, rounded to 256 steps as `init(_:)` rounds.
    mutating func add(_ grey: Float) {
        histogram[Self.level(grey)] += 1
        count += 1
    }

    /// How many counts lie at `level` or above (none above 255).
    func count(atOrAbove level: Int) -> Int {
        level > 255 ? 0 : histogram[max(0, level)...].reduce(0, +)
    }

    /// The lowest level with more than `fraction` of the counts at or below it.
    func percentile(_ fraction: Double) -> Int {
        let target = Int(Double(count) * fraction)
        var seen = 0
        for level in 0..<256 {
            seen += histogram[level]
            if seen > target { return level }
        }
        return 255
    }
}
