/// Transforms followed by a classifier: the unit that is trained, saved, loaded and asked for
/// predictions everywhere (CLI, server, benchmarks), so a number measured in one place holds
/// in the others. Input is always raw 8-bit pixels (a `Dataset` or 784-byte images).
public struct Pipeline: Sendable {
    public private(set) var transforms: [any Transform]
    public private(set) var classifier: any Classifier

    /// The classifier's own way through raw rows, when it has one (rebuilt after `fit`).
    private var direct: RawRowsPredictor?

    public init(transforms: [any Transform], classifier: any Classifier) {
        self.transforms = transforms
        self.classifier = classifier
        direct = Self.directPredictor(classifier, after: transforms)
    }

    public var kind: String { type(of: classifier).kind }
    public var isFitted: Bool { classifier.isFitted }

    /// Fits every transform in turn, then the classifier, on `data`; a non-empty `validation`
    /// set goes through the fitted transforms to the classifier (see `FitOptions.validation`).
    public mutating func fit(_ data: Dataset, validation: Dataset? = nil, options: FitOptions = FitOptions()) throws -> FitSummary {
        direct = nil
        var features = data.featureMatrix()
        for index in transforms.indices {
            features = try transforms[index].fitTransform(features)
        }
        var options = options
        if let validation, validation.count > 0 {
            var x = validation.featureMatrix()
            for transform in transforms { x = try transform.transform(x) }
            options.validation = LabelledRows(x: x, labels: validation.intLabels)
        }
        let summary = try classifier.fit(features, labels: data.intLabels, options: options)
        direct = Self.directPredictor(classifier, after: transforms)
        return summary
    }

    /// Class probabilities (N×10) for every image of `data`.
    public func probabilities(_ data: Dataset) throws -> Matrix {
        let direct = data.pixels.withUnsafeBufferPointer { pixels in
            rawProbabilities(.bytes(pixels), columns: Dataset.featureCount)
        }
        return try direct ?? probabilities(features: data.featureMatrix())
    }

    /// Class probabilities for raw grey-level rows (N×784, values 0–255).
    ///
    /// Equal, bit for bit, to those of the same pixels given as a `Dataset`: a model that reads
    /// raw rows itself (`RawRowsClassifier`) does so on both paths.
    public func probabilities(features: Matrix) throws -> Matrix {
        let direct = features.storage.withUnsafeBufferPointer { values in
            rawProbabilities(.floats(values), columns: features.columns)
        }
        if let direct { return direct }
        var x = features
        for transform in transforms { x = try transform.transform(x) }
        return try classifier.probabilities(x)
    }

    public func predict(_ data: Dataset) throws -> [Int] {
        try probabilities(data).argmaxPerRow()
    }

    /// The classifier's own answer from raw rows, or nil when it needs the transformed matrix
    /// (or the width is wrong, which the ordinary path reports).
    private func rawProbabilities(_ rows: RawRows, columns: Int) -> Matrix? {
        guard let direct, direct.columns == columns, rows.valueCount % max(columns, 1) == 0 else { return nil }
        return direct.probabilities(rows)
    }

    private static func directPredictor(_ classifier: any Classifier, after transforms: [any Transform]) -> RawRowsPredictor? {
        (classifier as? any RawRowsClassifier)?.rawRowsPredictor(after: transforms)
    }
}
