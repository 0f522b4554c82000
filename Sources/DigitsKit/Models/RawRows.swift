/// Rows of raw grey levels (0–255) as prediction receives them: the 8-bit pixels of a data
/// set, or float features from an extraction. Models that can read them directly skip
/// building an N×784 float matrix and running their transforms over it, which for cheap
/// models costs more than the model itself (see `Pipeline.probabilities`).
public enum RawRows {
    case bytes(UnsafeBufferPointer<UInt8>)
    case floats(UnsafeBufferPointer<Float>)

    var valueCount: Int {
        switch self {
        case let .bytes(values): return values.count
        case let .floats(values): return values.count
        }
    }
}

/// A grey level a hot loop can read as a `Float` without going through a protocol witness
/// (the loops are generic over it and specialised for both).
protocol GreyLevel {
    var floatValue: Float { get }
}

extension UInt8: GreyLevel {
    @inline(__always) var floatValue: Float { Float(self) }
}

extension Float: GreyLevel {
    @inline(__always) var floatValue: Float { self }
}

/// A classifier that answers from raw grey levels itself, with the transforms of its pipeline
/// folded in where it can.
public protocol RawRowsClassifier: Classifier {
    /// A predictor that gives the probabilities of raw rows as if they had gone through
    /// `transforms` first; nil when unfitted or when these transforms cannot be folded in (the
    /// pipeline then runs them). Built once per fitted pipeline, so a single image pays nothing
    /// for the folding.
    func rawRowsPredictor(after transforms: [any Transform]) -> RawRowsPredictor?
}

/// Probabilities straight from raw rows of `columns` grey levels; equal, bit for bit, for the
/// same values given as bytes or as floats.
public struct RawRowsPredictor: Sendable {
    let columns: Int
    let probabilities: @Sendable (RawRows) -> Matrix
}
