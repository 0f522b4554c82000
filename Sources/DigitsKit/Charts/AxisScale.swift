import Foundation

/// Maps data values to pixels along one axis and chooses "nice" tick values (1, 2, 2.5 or 5
/// times a power of ten, after Heckbert's "Nice numbers for graph labels"), or powers of ten
/// on a logarithmic axis.
public struct AxisScale: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case linear
        /// Base-10 logarithmic; every value must be positive.
        case log
    }

    public let kind: Kind
    public let lower: Double
    public let upper: Double
    public let ticks: [Double]

    /// A scale covering `values`, widened to nice tick values (and to include zero when
    /// `includeZero`, as bar charts need).
    public init(covering values: [Double], kind: Kind = .linear, includeZero: Bool = false, tickCount: Int = 5) {
        self.kind = kind
        let finite = values.filter { $0.isFinite && (kind == .linear || $0 > 0) }
        var low = finite.min() ?? 0
        var high = finite.max() ?? 1
        switch kind {
        case .linear:
            if includeZero { low = min(low, 0); high = max(high, 0) }
            if low == high { low -= 1; high += 1 }
            let step = Self.niceStep((high - low) / Double(max(tickCount - 1, 1)))
            low = (low / step).rounded(.down) * step
            high = (high / step).rounded(.up) * step
            let count = Int(((high - low) / step).rounded()) + 1
            ticks = (0..<count).map { Self.clean(low + Double($0) * step) }
        case .log:
            if finite.isEmpty { low = 1; high = 10 }
            low = pow(10, log10(low).rounded(.down))
            high = pow(10, log10(high).rounded(.up))
            if low == high { high = low * 10 }
            let first = Int(log10(low).rounded()), last = Int(log10(high).rounded())
            ticks = (first...last).map { pow(10, Double($0)) }
        }
        lower = low
        upper = high
    }

    /// Where `value` falls between `start` (lower end) and `end` (upper end) in pixels.
    public func position(_ value: Double, from start: Double, to end: Double) -> Double {
        let fraction: Double
        switch kind {
        case .linear: fraction = (value - lower) / (upper - lower)
        case .log: fraction = (log10(max(value, .leastNormalMagnitude)) - log10(lower)) / (log10(upper) - log10(lower))
        }
        return start + (end - start) * fraction
    }

    /// A tick value as a label: "0.25", "1k", "1e-3".
    public func label(_ value: Double) -> String {
        if kind == .log {
            let exponent = Int(log10(value).rounded())
            if (-3...4).contains(exponent) { return Self.plain(value) }
            return "1e\(exponent)"
        }
        return Self.plain(value)
    }

    public static func plain(_ value: Double) -> String {
        if value == 0 { return "0" }
        if abs(value) >= 10_000, value == value.rounded() {
            return value.truncatingRemainder(dividingBy: 1000) == 0 ? "\(Int(value / 1000))k" : String(Int(value))
        }
        if value == value.rounded() { return String(Int(value)) }
        var text = String(format: "%.4f", value)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }

    static func niceStep(_ rough: Double) -> Double {
        guard rough > 0, rough.isFinite else { return 1 }
        let magnitude = pow(10, log10(rough).rounded(.down))
        let fraction = rough / magnitude
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10
        return nice * magnitude
    }

    /// Removes the floating-point dust of `low + i·step` (0.30000000000000004 → 0.3).
    private static func clean(_ x: Double) -> Double {
        (x * 1e9).rounded() / 1e9
    }
}
