/// A fitted preprocessing step: learns what it needs from training rows (`fit`), then maps
/// rows to new rows (`transform`) the same way for training, evaluation and prediction.
public protocol Transform: Sendable {
    /// The name used in pipelines and model files, e.g. "pca".
    static var kind: String { get }
    var isFitted: Bool { get }
    mutating func fit(_ x: Matrix) throws
    func transform(_ x: Matrix) throws -> Matrix
}

extension Transform {
    public mutating func fitTransform(_ x: Matrix) throws -> Matrix {
        try fit(x)
        return try transform(x)
    }
}

public enum TransformError: Error, Equatable, CustomStringConvertible {
    case notFitted(kind: String)
    case featureCountMismatch(kind: String, expected: Int, got: Int)
    case tooFewSamples(kind: String, needed: Int, got: Int)
    case invalidParameter(String)
    case numerical(String)

    public var description: String {
        switch self {
        case let .notFitted(kind): return "the \(kind) transform has not been fitted yet"
        case let .featureCountMismatch(kind, expected, got):
            return "the \(kind) transform expects \(expected) features per sample, got \(got)"
        case let .tooFewSamples(kind, needed, got):
            return "the \(kind) transform needs at least \(needed) samples to fit, got \(got)"
        case let .invalidParameter(message): return message
        case let .numerical(message): return message
        }
    }
}

/// A transform that maps each feature on its own to `(x − shift) · scale`, so that a linear
/// model after it can absorb it into its weights (`LinearClassifier+RawRows`).
protocol AffineTransform: Transform {
    /// One shift and scale per feature, or nil when unfitted or fitted to another width.
    func affine(featureCount: Int) -> (shift: [Float], scale: [Float])?
}

/// Divides grey levels by 255 so pixels lie in [0, 1]. Nothing to learn.
public struct PixelScaler: AffineTransform {
    public static let kind = "pixels"
    public var isFitted: Bool { true }

    public init() {}

    public mutating func fit(_ x: Matrix) throws {}

    public func transform(_ x: Matrix) throws -> Matrix {
        var result = x
        result.storage.withUnsafeMutableBufferPointer { values in
            for i in values.indices { values[i] *= 1 / 255 }
        }
        return result
    }

    func affine(featureCount: Int) -> (shift: [Float], scale: [Float])? {
        ([Float](repeating: 0, count: featureCount), [Float](repeating: 1 / 255, count: featureCount))
    }
}

/// Centres each feature on its training mean and divides by its training standard deviation
/// (features that never vary are only centred, as in scikit-learn's `StandardScaler`).
public struct StandardScaler: AffineTransform {
    public static let kind = "standard"
    public private(set) var means: [Float] = []
    public private(set) var scales: [Float] = []
    public var isFitted: Bool { !means.isEmpty }

    public init() {}

    public init(means: [Float], scales: [Float]) {
        self.means = means
        self.scales = scales
    }

    public mutating func fit(_ x: Matrix) throws {
        guard x.rows > 0 else { throw TransformError.tooFewSamples(kind: Self.kind, needed: 1, got: 0) }
        let mean = x.columnMeans()
        var squares = [Double](repeating: 0, count: x.columns)
        x.storage.withUnsafeBufferPointer { values in
            for r in 0..<x.rows {
                for c in 0..<x.columns {
                    let d = Double(values[r * x.columns + c]) - mean[c]
                    squares[c] += d * d
                }
            }
        }
        means = mean.map { Float($0) }
        scales = squares.map { sum in
            let deviation = (sum / Double(x.rows)).squareRoot()
            return deviation > 1e-12 ? Float(1 / deviation) : 1
        }
    }

    public func transform(_ x: Matrix) throws -> Matrix {
        guard isFitted else { throw TransformError.notFitted(kind: Self.kind) }
        guard x.columns == means.count else {
            throw TransformError.featureCountMismatch(kind: Self.kind, expected: means.count, got: x.columns)
        }
        var result = x
        result.shiftAndScaleColumns(shift: means, scale: scales)
        return result
    }

    func affine(featureCount: Int) -> (shift: [Float], scale: [Float])? {
        isFitted && means.count == featureCount ? (means, scales) : nil
    }
}
