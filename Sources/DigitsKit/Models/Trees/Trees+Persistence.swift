extension TreeClassifier {
    public var configuration: JSONValue { (try? JSONValue(encoding: parameters)) ?? .null }

    public func stateTensors() throws -> [String: Tensor] {
        guard let trees else { throw ClassifierError.notFitted(kind: Self.kind) }
        return try trees.stateTensors()
    }

    /// Rebuilds a fitted model, checking its hyper-parameters as `fit` would and every stored
    /// index before prediction can follow it.
    public static func restore(configuration: JSONValue, state: StoredState) throws -> Self {
        let parameters = try state.parameters(Parameters.self, from: configuration, kind: kind)
        let trees = try TreeEnsemble.restore(state: state, expectedTrees: treeCount(parameters))
        return Self(parameters: parameters, trees: trees)
    }
}

extension DecisionTree: PersistentComponent {}
extension Forest: PersistentComponent {}
