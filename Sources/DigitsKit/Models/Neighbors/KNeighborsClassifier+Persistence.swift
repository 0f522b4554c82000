/// Tensors: `rows` (the training rows in their non-blank columns, U8 with `scale` when they are
/// scaled grey levels, else F32), `columns` (which feature each stored column is), `labels`,
/// and `feature_count`.
extension KNeighborsClassifier: PersistentComponent {
    public var configuration: JSONValue { (try? JSONValue(encoding: parameters)) ?? .null }

    public func stateTensors() throws -> [String: Tensor] {
        guard let index else { throw ClassifierError.notFitted(kind: Self.kind) }
        let (rows, scale) = Tensor.pixelsOrFloats(NeighborIndex.gather(index.rows, columns: index.keptColumns))
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
        let parameters = try state.parameters(Parameters.self, from: configuration, kind: kind)
        let featureCount = Int(try state.tensor("feature_count", shape: [1]).int32s()[0])
        guard (1...(1 << 24)).contains(featureCount) else {
            throw ModelFileError.badTensorValue(file: state.file, name: state.prefix + "feature_count",
                                                detail: "\(featureCount) features is not a plausible row width")
        }
        let columns = try state.tensor("columns", shape: [nil]).int32s().map(Int.init)
        let ascending = zip(columns, columns.dropFirst()).allSatisfy { $0 < $1 }
        guard ascending, columns.allSatisfy({ (0..<featureCount).contains($0) }) else {
            throw ModelFileError.badTensorValue(
                file: state.file, name: state.prefix + "columns",
                detail: "the columns must be distinct features in 0..<\(featureCount), ascending")
        }
        let kept = try state.pixelsOrFloats("rows", scale: "scale", shape: [nil, columns.count])
        var rows = Matrix(rows: kept.rows, columns: featureCount)
        for r in 0..<kept.rows {
            for (c, column) in columns.enumerated() { rows[r, column] = kept[r, c] }
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
        let metric = NeighborIndex.Metric(rawValue: parameters.metric) ?? .euclidean
        guard let index = NeighborIndex(rows: rows, metric: metric) else {
            throw ModelFileError.badTensorValue(file: state.file, name: state.prefix + "rows", detail: "it holds NaN or infinity")
        }
        return KNeighborsClassifier(parameters: parameters, index: index, labels: labels)
    }
}
