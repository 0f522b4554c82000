extension PixelScaler: PersistentComponent {
    public var configuration: JSONValue { .object([:]) }
    public func stateTensors() throws -> [String: Tensor] { [:] }
    public static func restore(configuration: JSONValue, state: StoredState) throws -> PixelScaler { PixelScaler() }
}

extension StandardScaler: PersistentComponent {
    public var configuration: JSONValue { .object([:]) }

    public func stateTensors() throws -> [String: Tensor] {
        ["mean": try Tensor(means, shape: [means.count]), "scale": try Tensor(scales, shape: [scales.count])]
    }

    public static func restore(configuration: JSONValue, state: StoredState) throws -> StandardScaler {
        let means = try state.floats("mean", shape: [nil])
        return StandardScaler(means: means, scales: try state.floats("scale", shape: [means.count]))
    }
}

extension PCA: PersistentComponent {
    public var configuration: JSONValue { .object(["nComponents": .string(components.description)]) }

    public func stateTensors() throws -> [String: Tensor] {
        [
            "mean": try Tensor(mean, shape: [mean.count]),
            "components": Tensor(axes),
            "explained_variance_ratio": try Tensor(explainedVarianceRatio, shape: [explainedVarianceRatio.count]),
        ]
    }

    public static func restore(configuration: JSONValue, state: StoredState) throws -> PCA {
        guard case let .string(text)? = configuration["nComponents"], let components = Components(text) else {
            throw ModelFileError.badConfiguration(file: state.file, kind: kind, detail: "nComponents is missing or invalid")
        }
        let mean = try state.floats("mean", shape: [nil])
        let axes = try state.matrix("components", shape: [nil, mean.count])
        let ratios = try state.floats("explained_variance_ratio", shape: [axes.rows])
        return PCA(components: components, mean: mean, axes: axes, explainedVarianceRatio: ratios)
    }
}
