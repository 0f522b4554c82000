import Foundation

/// How weights start: He for ReLU networks, Glorot for tanh/sigmoid ones (Keras' names).
/// Biases and batch-norm shifts start at 0, batch-norm scales at 1.
public enum Initializer: String, Sendable, Codable, CaseIterable {
    case heNormal = "he-normal"
    case heUniform = "he-uniform"
    case glorotNormal = "glorot-normal"
    case glorotUniform = "glorot-uniform"

    /// Fills every block of `store`, in layer order, from `random`.
    func initialize(_ store: ParameterStore, random: inout SplitMix64) {
        for slot in store.slots {
            let values = store.values + slot.offset
            let block = slot.block
            switch block.role {
            case .bias: values.update(repeating: 0, count: block.count)
            case .scale: values.update(repeating: 1, count: block.count)
            case .weight:
                let (fanIn, fanOut) = (Float(block.fanIn), Float(block.fanOut))
                switch self {
                case .heNormal: fillNormal(values, count: block.count, deviation: (2 / fanIn).squareRoot(), random: &random)
                case .heUniform: fillUniform(values, count: block.count, limit: (6 / fanIn).squareRoot(), random: &random)
                case .glorotNormal:
                    fillNormal(values, count: block.count, deviation: (2 / (fanIn + fanOut)).squareRoot(), random: &random)
                case .glorotUniform:
                    fillUniform(values, count: block.count, limit: (6 / (fanIn + fanOut)).squareRoot(), random: &random)
                }
            }
        }
        store.state.update(repeating: 0, count: store.stateCount)
        // Batch norm's running variance starts at 1 (its state is mean then variance per layer).
        for (index, offset) in store.stateOffsets.enumerated() where store.stateCount > 0 {
            let next = index + 1 < store.stateOffsets.count ? store.stateOffsets[index + 1] : store.stateCount
            let half = (next - offset) / 2
            (store.state + offset + half).update(repeating: 1, count: half)
        }
    }

    private func fillUniform(_ values: UnsafeMutablePointer<Float>, count: Int, limit: Float, random: inout SplitMix64) {
        for i in 0..<count { values[i] = (2 * random.nextUnitFloat() - 1) * limit }
    }

    /// Box–Muller, truncated at two deviations as Keras' initialisers are (redrawn beyond).
    private func fillNormal(_ values: UnsafeMutablePointer<Float>, count: Int, deviation: Float, random: inout SplitMix64) {
        var i = 0
        while i < count {
            let u = max(random.nextUnitFloat(), .leastNormalMagnitude), v = random.nextUnitFloat()
            let z = (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
            if abs(z) <= 2 {
                // Truncation narrows the spread; 0.8796 restores the requested deviation.
                values[i] = z * deviation / 0.879_626_1
                i += 1
            }
        }
    }
}
