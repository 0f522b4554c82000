/// Tensors: `rows` (the training rows in their non-blank columns, U8 with `scale` when they are
/// scaled grey levels, else F32), `columns` (which feature each stored column is), `labels`,
/// and `feature_count`.
extension KNeighborsClassifier: PersistentComponent {
    public var configuration: JSONValue { (try? JSONValue(encoding: parameters)) ?? .null }

    public func stateTensors() throws -> [String: Tensor] {
        guard let index else { throw ClassifierError.notFitted(kind: Self.kind) }
        let (rows, scale) = Tensor.pixelsOrFloats(index.rows)
        var tensors = [
            "rows": rows,
            "columns": try Tensor(index.keptColumns.map { Int32($0) }, shape: [index.keptColumns.count]),
            "feature_count": try Tensor([Int32(index.featureCount)], shape: [1]),
            "labels": try Tensor(labels, shape: [labels.count]),
        ]
        if let scale { tensors["scale"] = try Tensor([scale], shape: [1]) }
        return tensors
    }

    public static func restore(configuration: JSONValue, state: StoredState) throws -> KNeighborsClassifier {
        let parameters: Parameters
        do {
            parameters = try configuration.decode(as: Parameters.self)
            try parameters.validate()
        } catch {
            throw ModelFileError.badConfiguration(file: state.file, kind: kind, detail: "\(error)")
        }
        let featureCount = Int(try state.tensor("feature_count", shape: [1]).int32s()[0])
        let columns = try state.tensor("columns", shape: [nil]).int32s().map(Int.init)
        let ascending = zip(columns, columns.dropFirst()).allSatisfy { $0 < $1 }
        guard ascending, columns.allSatisfy({ (0..<featureCount).contains($0) }) else {
            throw ModelFileError.badTensorValue(
                file: state.file, name: state.prefix + "columns",
                detail: "the columns must be distinct features in 0..<\(featureCount), ascending")
        }
        let rows = try state.pixelsOrFloats("rows", scale: "scale", shape: [nil, columns.count])
        guard rows.storage.allSatisfy(\.isFinite) else {
            throw ModelFileError.badTensorValue(file: state.file, name: state.prefix + "rows", detail: "it holds NaN or infinity")
        }
        let labels = try state.tensor("labels", shape: [rows.rows]).bytes()
        guard labels.allSatisfy({ $0 < Dataset.classCount }) else {
            throw ModelFileError.badTensorValue(file: state.file, name: state.prefix + "labels", detail: "a label is not a digit 0–9")
        }
        do {
            try checkSampleCount(parameters.nNeighbors, samples: rows.rows)
        } catch {
            throw ModelFileError.badConfiguration(file: state.file, kind: kind, detail: "\(error)")
        }
        let index = NeighborIndex(keptRows: rows, keptColumns: columns, featureCount: featureCount,
                                  metric: NeighborIndex.Metric(rawValue: parameters.metric) ?? .euclidean)
        return KNeighborsClassifier(parameters: parameters, index: index, labels: labels)
    }
}
