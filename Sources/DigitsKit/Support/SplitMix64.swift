/// A small, fast, seedable generator (Steele, Lea & Flood's SplitMix64).
///
/// Every random choice in DigitsKit takes one of these, so the same `--seed` replays the
/// same split, initialisation and shuffle on every platform.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    /// The whole generator state: `SplitMix64(seed: state)` resumes the stream exactly (checkpoints).
    public private(set) var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform `Float` in [0, 1).
    public mutating func nextUnitFloat() -> Float {
        Float(next() >> 40) * (1.0 / Float(1 << 24))
    }

    /// A uniform `Float` in [low, high).
    public mutating func uniform(_ low: Float, _ high: Float) -> Float {
        low + (high - low) * nextUnitFloat()
    }

    /// A generator for a derived stream (one per tree, per fold, per worker) that does not
    /// overlap with this one in practice.
    public mutating func split() -> SplitMix64 {
        SplitMix64(seed: next())
    }
}

extension Array {
    /// A seeded Fisher–Yates shuffle that does not depend on the standard library's algorithm.
    public mutating func seededShuffle(using rng: inout SplitMix64) {
        guard count > 1 else { return }
        for i in stride(from: count - 1, to: 0, by: -1) {
            let j = Int(rng.next() % UInt64(i + 1))
            swapAt(i, j)
        }
    }
}
