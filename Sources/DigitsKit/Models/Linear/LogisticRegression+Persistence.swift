extension LogisticRegression: PersistentComponent {
    public var configuration: JSONValue { (try? JSONValue(encoding: parameters)) ?? .null }

    public func stateTensors() throws -> [String: Tensor] {
        ["weights": Tensor(weights), "intercepts": try Tensor(intercepts, shape: [intercepts.count])]
    }

    public static func restore(configuration: JSONValue, state: StoredState) throws -> LogisticRegression {
        let parameters = try state.parameters(Parameters.self, from: configuration, kind: kind)
        let weights = try state.matrix("weights", shape: [nil, Dataset.classCount])
        let intercepts = try state.floats("intercepts", shape: [Dataset.classCount])
        return LogisticRegression(parameters: parameters, weights: weights, intercepts: intercepts)
    }
}
