/// Every trainable value of a network in ONE allocation (llm.c's `malloc_and_point_parameters`),
/// with a gradient buffer of the same layout, so an optimiser step is a single loop over
/// `count` values. Weights come first: L2 decay is one saxpy over the first `decayedCount`.
final class ParameterStore {
    struct Slot {
        let layer: Int
        let block: ParameterBlock
        let offset: Int
    }

    let values: UnsafeMutablePointer<Float>
    let gradients: UnsafeMutablePointer<Float>
    /// Non-trainable layer state (batch norm running statistics), in layer order.
    let state: UnsafeMutablePointer<Float>
    let count: Int
    let decayedCount: Int
    let stateCount: Int
    /// Every block, in layer order, with its offset in `values`.
    let slots: [Slot]
    let stateOffsets: [Int]

    init(layers: [any NetworkLayer]) {
        var slots: [Slot] = []
        var offset = 0
        var decayedTotal = 0
        for decayed in [true, false] {
            for (index, layer) in layers.enumerated() {
                for block in layer.blocks where (block.role == .weight) == decayed {
                    slots.append(Slot(layer: index, block: block, offset: offset))
                    offset += block.count
                }
            }
            if decayed { decayedTotal = offset }
        }
        count = offset
        decayedCount = decayedTotal
        self.slots = slots.sorted { ($0.layer, $0.offset) < ($1.layer, $1.offset) }
        var stateOffsets: [Int] = []
        var stateTotal = 0
        for layer in layers {
            stateOffsets.append(stateTotal)
            stateTotal += layer.stateCount
        }
        self.stateOffsets = stateOffsets
        stateCount = stateTotal
        let values = UnsafeMutablePointer<Float>.allocate(capacity: max(1, offset))
        values.initialize(repeating: 0, count: max(1, offset))
        let gradients = UnsafeMutablePointer<Float>.allocate(capacity: max(1, offset))
        gradients.initialize(repeating: 0, count: max(1, offset))
        let state = UnsafeMutablePointer<Float>.allocate(capacity: max(1, stateTotal))
        state.initialize(repeating: 0, count: max(1, stateTotal))
        (self.values, self.gradients, self.state) = (values, gradients, state)
        for (index, layer) in layers.enumerated() {
            let mine = slots.filter { $0.layer == index }
            // Blocks are handed over in the order the layer declared them.
            let ordered = layer.blocks.map { block in mine.first { $0.block.name == block.name }?.offset ?? 0 }
            layer.bind(parameters: ordered.map { values + $0 }, gradients: ordered.map { gradients + $0 },
                       state: state + stateOffsets[index])
        }
    }

    deinit {
        values.deallocate()
        gradients.deallocate()
        state.deallocate()
    }

    var valueArray: [Float] { Array(UnsafeBufferPointer(start: values, count: count)) }
    var stateArray: [Float] { Array(UnsafeBufferPointer(start: state, count: stateCount)) }

    /// Copies `array` (as `valueArray` produced it) back in; false on a length mismatch.
    func load(values array: [Float], state stateArray: [Float]) -> Bool {
        guard array.count == count, stateArray.count == stateCount else { return false }
        array.withUnsafeBufferPointer { values.update(from: $0.baseAddress!, count: count) }
        stateArray.withUnsafeBufferPointer { if let base = $0.baseAddress { state.update(from: base, count: stateCount) } }
        return true
    }
}
