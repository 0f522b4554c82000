/// Principal component analysis: projects centred rows onto the directions of largest variance
/// (the eigenvectors of the covariance matrix, computed with BLAS and LAPACK).
public struct PCA: Transform {
    public static let kind = "pca"

    /// How many components to keep: a count, or the smallest count whose explained-variance
    /// ratio reaches a fraction (scikit-learn's `n_components=0.95`).
    public enum Components: Sendable, Equatable, CustomStringConvertible {
        case count(Int)
        case varianceRatio(Double)

        /// "50" → `.count(50)`, "0.95" → `.varianceRatio(0.95)`.
        public init?(_ text: String) {
            if let count = Int(text), count >= 1 { self = .count(count) }
            else if let ratio = Double(text), ratio > 0, ratio < 1 { self = .varianceRatio(ratio) }
            else { return nil }
        }

        public var description: String {
            switch self {
            case let .count(count): return String(count)
            case let .varianceRatio(ratio): return String(ratio)
            }
        }
    }

    public let components: Components
    public private(set) var mean: [Float] = []
    /// `k × features`: row i is the i-th principal axis.
    public private(set) var axes = Matrix(rows: 0, columns: 0)
    /// The fraction of the total variance each kept component explains.
    public private(set) var explainedVarianceRatio: [Float] = []

    public var isFitted: Bool { axes.rows > 0 }

    public init(components: Components) {
        self.components = components
    }

    public init(components: Components, mean: [Float], axes: Matrix, explainedVarianceRatio: [Float]) {
        self.components = components
        self.mean = mean
        self.axes = axes
        self.explainedVarianceRatio = explainedVarianceRatio
    }

    public mutating func fit(_ x: Matrix) throws {
        guard x.rows >= 2 else { throw TransformError.tooFewSamples(kind: Self.kind, needed: 2, got: x.rows) }
        if case let .count(count) = components, count > min(x.rows, x.columns) {
            throw TransformError.invalidParameter(
                "PCA cannot keep \(count) components from \(x.rows) samples of \(x.columns) features")
        }
        let mean = x.columnMeans().map { Float($0) }
        var centred = x
        centred.shiftAndScaleColumns(shift: mean, scale: [Float](repeating: 1, count: x.columns))
        var covariance = Matrix(rows: x.columns, columns: x.columns)
        Matrix.gemm(centred, transposeA: true, centred, into: &covariance, alpha: 1 / Float(x.rows - 1))
        let eigen = try SymmetricEigen(symmetric: covariance)
        let variances = eigen.values.map { max($0, 0) }
        let total = variances.reduce(0, +)
        guard total > 0 else { throw TransformError.numerical("PCA: the training rows have no variance") }
        let keep: Int
        switch components {
        case let .count(count):
            keep = count
        case let .varianceRatio(target):
            var cumulative: Float = 0
            var index = 0
            while index < variances.count {
                cumulative += variances[index] / total
                index += 1
                if Double(cumulative) >= target { break }
            }
            keep = index
        }
        self.mean = mean
        self.axes = Matrix(rows: keep, columns: x.columns, storage: Array(eigen.vectors.storage[..<(keep * x.columns)]))
        self.explainedVarianceRatio = variances[..<keep].map { $0 / total }
    }

    public func transform(_ x: Matrix) throws -> Matrix {
        guard isFitted else { throw TransformError.notFitted(kind: Self.kind) }
        guard x.columns == mean.count else {
            throw TransformError.featureCountMismatch(kind: Self.kind, expected: mean.count, got: x.columns)
        }
        var centred = x
        centred.shiftAndScaleColumns(shift: mean, scale: [Float](repeating: 1, count: x.columns))
        return Matrix.product(centred, axes, transposeB: true)
    }
}
