/// Transforms followed by a classifier: the unit that is trained, saved, loaded and asked for
/// predictions everywhere (CLI, server, benchmarks), so a number measured in one place holds
/// in the others. Input is always raw 8-bit pixels (a `Dataset` or 784-byte images).
public struct Pipeline: Sendable {
    public private(set) var transforms: [any Transform]
    public private(set) var classifier: any Classifier

    public init(transforms: [any Transform], classifier: any Classifier) {
        self.transforms = transforms
        self.classifier = classifier
    }

    public var kind: String { type(of: classifier).kind }
    public var isFitted: Bool { classifier.isFitted }

    /// Fits every transform in turn, then the classifier, on `data`; a non-empty `validation`
    /// set goes through the fitted transforms to the classifier (see `FitOptions.validation`).
    public mutating func fit(_ data: Dataset, validation: Dataset? = nil, options: FitOptions = FitOptions()) throws -> FitSummary {
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
        return try classifier.fit(features, labels: data.intLabels, options: options)
    }

    /// Class probabilities (N×10) for every image of `data`.
    public func probabilities(_ data: Dataset) throws -> Matrix {
        try probabilities(features: data.featureMatrix())
    }

    /// Class probabilities for raw grey-level rows (N×784, values 0–255).
    public func probabilities(features: Matrix) throws -> Matrix {
        var x = features
        for transform in transforms { x = try transform.transform(x) }
        return try classifier.probabilities(x)
    }

    public func predict(_ data: Dataset) throws -> [Int] {
        try probabilities(data).argmaxPerRow()
    }
}
