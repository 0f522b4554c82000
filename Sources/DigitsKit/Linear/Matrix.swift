/// A dense, row-major, contiguous matrix of `Float`: the one numeric container of DigitsKit.
///
/// Heavy products go to BLAS (see `Matrix+BLAS.swift`); element-wise work runs over
/// `withUnsafeBufferPointer` loops in the files that need it.
public struct Matrix: Sendable, Equatable {
    public private(set) var rows: Int
    public private(set) var columns: Int
    /// `rows * columns` values, row after row.
    public var storage: [Float]

    public init(rows: Int, columns: Int, repeating value: Float = 0) {
        precondition(rows >= 0 && columns >= 0, "matrix dimensions must be non-negative")
        self.rows = rows
        self.columns = columns
        self.storage = [Float](repeating: value, count: rows * columns)
    }

    public init(rows: Int, columns: Int, storage: [Float]) {
        precondition(storage.count == rows * columns, "storage holds \(storage.count) values, not \(rows)×\(columns)")
        self.rows = rows
        self.columns = columns
        self.storage = storage
    }

    public var count: Int { storage.count }

    public subscript(row: Int, column: Int) -> Float {
        get { storage[row * columns + column] }
        set { storage[row * columns + column] = newValue }
    }

    /// A copy of one row.
    public func row(_ index: Int) -> [Float] {
        Array(storage[index * columns ..< (index + 1) * columns])
    }

    /// The rows at `indices`, in that order.
    public func rows(at indices: [Int]) -> Matrix {
        var result = Matrix(rows: indices.count, columns: columns)
        storage.withUnsafeBufferPointer { source in
            result.storage.withUnsafeMutableBufferPointer { target in
                for (r, index) in indices.enumerated() {
                    let from = source.baseAddress! + index * columns
                    (target.baseAddress! + r * columns).update(from: from, count: columns)
                }
            }
        }
        return result
    }

    /// Index of the largest value in each row (the first one on ties).
    public func argmaxPerRow() -> [Int] {
        var result = [Int](repeating: 0, count: rows)
        storage.withUnsafeBufferPointer { values in
            for r in 0..<rows {
                var best = 0
                var bestValue = -Float.infinity
                for c in 0..<columns where values[r * columns + c] > bestValue {
                    bestValue = values[r * columns + c]
                    best = c
                }
                result[r] = best
            }
        }
        return result
    }

    public func transposed() -> Matrix {
        var result = Matrix(rows: columns, columns: rows)
        storage.withUnsafeBufferPointer { source in
            result.storage.withUnsafeMutableBufferPointer { target in
                for r in 0..<rows {
                    for c in 0..<columns {
                        target[c * rows + r] = source[r * columns + c]
                    }
                }
            }
        }
        return result
    }
}
