/// A network is stored as one tensor per parameter block, `layer<i>.<name>` with the block's
/// shape (a convolution kernel is [K, K, C, F], a dense weight [I, O]), plus
/// `layer<i>.running` ([2, C]: mean, variance) for batch norm; `i` counts built layers
/// (`flatten` builds none). The architecture lives in the configuration's `arch`.
extension NeuralNetwork: PersistentComponent {
    public var configuration: JSONValue { (try? JSONValue(encoding: parameters)) ?? .null }

    public func stateTensors() throws -> [String: Tensor] {
        let network = try network()
        var tensors: [String: Tensor] = [:]
        for slot in network.store.slots {
            let slice = Array(values[slot.offset..<(slot.offset + slot.block.count)])
            tensors["layer\(slot.layer).\(slot.block.name)"] = try Tensor(slice, shape: slot.block.shape)
        }
        for (index, layer) in network.layers.enumerated() where layer.stateCount > 0 {
            let offset = network.store.stateOffsets[index]
            tensors["layer\(index).running"] = try Tensor(Array(state[offset..<(offset + layer.stateCount)]),
                                                          shape: [2, layer.stateCount / 2])
        }
        return tensors
    }

    public static func restore(configuration: JSONValue, state stored: StoredState) throws -> NeuralNetwork {
        let parameters: Parameters
        let architecture: Architecture
        do {
            parameters = try configuration.decode(as: Parameters.self)
            try parameters.validate()
            architecture = try parameters.architecture()
        } catch {
            throw ModelFileError.badConfiguration(file: stored.file, kind: kind, detail: "\(error)")
        }
        let network = try Network(architecture)
        var values = [Float](repeating: 0, count: network.store.count)
        for slot in network.store.slots {
            let block = try stored.floats("layer\(slot.layer).\(slot.block.name)", shape: slot.block.shape)
            values.replaceSubrange(slot.offset..<(slot.offset + block.count), with: block)
        }
        var state: [Float] = []
        for (index, layer) in network.layers.enumerated() where layer.stateCount > 0 {
            state += try stored.floats("layer\(index).running", shape: [2, layer.stateCount / 2])
        }
        return NeuralNetwork(parameters: parameters, architecture: architecture, values: values, state: state)
    }
}
