import Foundation

/// The learning rate as a function of training progress, evaluated every batch.
public enum LearningRateSchedule: String, Sendable, Codable, CaseIterable {
    /// The base rate throughout.
    case constant
    /// ×0.1 after half the epochs and again after three quarters (the ResNet recipe).
    case step
    /// Half a cosine from the base rate down to zero.
    case cosine
    /// Smith's one-cycle: from base/25 up to base over the first 30 %, then a cosine down to base/10⁴.
    case onecycle

    /// `progress` is in epochs (fractional), `epochs` the planned total.
    func rate(base: Double, progress: Double, epochs: Int) -> Double {
        let fraction = min(1, max(0, progress / Double(max(1, epochs))))
        switch self {
        case .constant:
            return base
        case .step:
            return base * (fraction >= 0.75 ? 0.01 : fraction >= 0.5 ? 0.1 : 1)
        case .cosine:
            return base * 0.5 * (1 + cos(.pi * fraction))
        case .onecycle:
            let warm = 0.3
            if fraction < warm {
                return base / 25 + (base - base / 25) * fraction / warm
            }
            let t = (fraction - warm) / (1 - warm)
            return base / 1e4 + (base - base / 1e4) * 0.5 * (1 + cos(.pi * t))
        }
    }
}
