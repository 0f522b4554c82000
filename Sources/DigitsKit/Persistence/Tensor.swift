/// One named array of a model file: an element type, a shape and the raw little-endian bytes,
/// row-major ("C" order), exactly as safetensors stores them.
///
/// The bytes always match `dtype` × `shape`: every initialiser checks it, so the typed accessors
/// only have to check the element type and rank the caller expects.
public struct Tensor: Sendable, Equatable {
    public let dtype: DType
    public let shape: [Int]
    /// `shape` product × `dtype.size` bytes, little-endian.
    public let rawBytes: [UInt8]
    /// The name used in error messages. `SafeTensorsFile` sets it to the tensor's key, so that
    /// "tensor 'classifier.weights' holds U8 values" points at the culprit. It is a label, not
    /// content: two tensors with the same dtype, shape and bytes are equal whatever their names.
    public var name: String?

    /// A tensor over bytes already laid out for `dtype` and `shape`.
    public init(dtype: DType, shape: [Int], rawBytes: [UInt8]) throws(SafeTensorsError) {
        let count = try Self.elementCount(of: shape, valueCount: rawBytes.count)
        guard let byteCount = count.multipliedOrNil(by: dtype.size),
              byteCount == rawBytes.count
        else { throw .shapeMismatch(valueCount: rawBytes.count / dtype.size, shape: shape) }
        self.init(unchecked: dtype, shape: shape, rawBytes: rawBytes)
    }

    /// A tensor holding `values` in `shape` (row-major); `[Float]` gives F32, `[Int32]` I32, and
    /// so on (see `TensorElement`).
    public init<Element: TensorElement>(_ values: [Element], shape: [Int]) throws(SafeTensorsError) {
        guard try Self.elementCount(of: shape, valueCount: values.count) == values.count else {
            throw .shapeMismatch(valueCount: values.count, shape: shape)
        }
        self.init(unchecked: Element.dtype, shape: shape, rawBytes: values.withUnsafeBytes { raw in
            [UInt8](copyingBytesOf: raw, count: raw.count)
        })
    }

    /// A 2-D F32 tensor of shape `[rows, columns]`.
    public init(_ matrix: Matrix) {
        self.init(unchecked: .f32, shape: [matrix.rows, matrix.columns], rawBytes: matrix.storage.withUnsafeBytes { raw in
            [UInt8](copyingBytesOf: raw, count: raw.count)
        })
    }

    /// For callers that have already checked `rawBytes` against `dtype` and `shape`.
    init(unchecked dtype: DType, shape: [Int], rawBytes: [UInt8]) {
        self.dtype = dtype
        self.shape = shape
        self.rawBytes = rawBytes
    }

    public static func == (lhs: Tensor, rhs: Tensor) -> Bool {
        lhs.dtype == rhs.dtype && lhs.shape == rhs.shape && lhs.rawBytes == rhs.rawBytes
    }

    /// The product of `shape`, or `shapeMismatch` when a dimension is negative or the product
    /// overflows (no array of `valueCount` values can then fill it).
    private static func elementCount(of shape: [Int], valueCount: Int) throws(SafeTensorsError) -> Int {
        var count = 1
        for dimension in shape {
            guard dimension >= 0,
                  let product = count.multipliedOrNil(by: dimension)
            else { throw .shapeMismatch(valueCount: valueCount, shape: shape) }
            count = product
        }
        return count
    }
}

// MARK: - Typed access

extension Tensor {
    /// The values as `Element`, row-major; throws when the tensor holds another element type.
    public func values<Element: TensorElement>(as type: Element.Type = Element.self) throws(SafeTensorsError) -> [Element] {
        guard dtype == Element.dtype else {
            throw .dtypeMismatch(tensor: displayName, expected: Element.dtype, actual: dtype)
        }
        return rawBytes.withUnsafeBytes { raw in
            [Element](copyingBytesOf: raw, count: raw.count / MemoryLayout<Element>.stride)
        }
    }

    public func floats() throws(SafeTensorsError) -> [Float] { try values() }
    public func doubles() throws(SafeTensorsError) -> [Double] { try values() }
    public func int32s() throws(SafeTensorsError) -> [Int32] { try values() }
    public func int64s() throws(SafeTensorsError) -> [Int64] { try values() }
    public func bytes() throws(SafeTensorsError) -> [UInt8] { try values() }

    /// The tensor as a `Matrix`; it must be 2-D F32.
    public func matrix() throws(SafeTensorsError) -> Matrix {
        guard shape.count == 2 else {
            throw .rankMismatch(tensor: displayName, expected: 2, shape: shape)
        }
        return Matrix(rows: shape[0], columns: shape[1], storage: try floats())
    }

    private var displayName: String { name ?? "(unnamed)" }
}

extension Int {
    /// `self * other`, or nil when it overflows: sizes read from a file are multiplied this way.
    func multipliedOrNil(by other: Int) -> Int? {
        let (product, overflow) = multipliedReportingOverflow(by: other)
        return overflow ? nil : product
    }
}
