extension DecisionTree: PersistentComponent {
    public var configuration: JSONValue { (try? JSONValue(encoding: parameters)) ?? .null }

    public func stateTensors() throws -> [String: Tensor] {
        guard let trees else { throw ClassifierError.notFitted(kind: Self.kind) }
        return try trees.stateTensors()
    }

    public static func restore(configuration: JSONValue, state: StoredState) throws -> DecisionTree {
        let parameters = try decodeParameters(Parameters.self, configuration, kind: kind, state: state)
        return DecisionTree(parameters: parameters, trees: try TreeEnsemble.restore(state: state, expectedTrees: 1))
    }
}

extension Forest: PersistentComponent {
    public var configuration: JSONValue { (try? JSONValue(encoding: parameters)) ?? .null }

    public func stateTensors() throws -> [String: Tensor] {
        guard let trees else { throw ClassifierError.notFitted(kind: Self.kind) }
        return try trees.stateTensors()
    }

    public static func restore(configuration: JSONValue, state: StoredState) throws -> Forest {
        let parameters = try decodeParameters(Parameters.self, configuration, kind: kind, state: state)
        return Forest(parameters: parameters,
                      trees: try TreeEnsemble.restore(state: state, expectedTrees: parameters.nEstimators))
    }
}

/// Hyper-parameters from a model card, checked as `fit` would check them.
private func decodeParameters<P: HyperParameters>(_ type: P.Type, _ configuration: JSONValue, kind: String,
                                                  state: StoredState) throws -> P {
    do {
        let parameters = try configuration.decode(as: P.self)
        try parameters.validate()
        return parameters
    } catch {
        throw ModelFileError.badConfiguration(file: state.file, kind: kind, detail: "\(error)")
    }
}
