/// A histogram of grey levels (0…255), for percentiles and Otsu's threshold.
struct GreyLevels {
    private(set) var histogram = [Int](repeating: 0, count: 256)
    private(set) var count = 0

    init() {}

    /// Levels 0…1, rounded to 256 steps.
    init(_ pixels: [Float]) {
        count = pixels.count
        pixels.withUnsafeBufferPointer { v in
            for x in v { histogram[Int(max(0, min(255, x * 255 + 0.5)))] += 1 }
        }
    }

    mutating func add(_ level: UInt8) {
        histogram[Int(level)] += 1
        count += 1
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
