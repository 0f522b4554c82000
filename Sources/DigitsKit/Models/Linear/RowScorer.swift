/// `x · W + b` for ten classes, four rows at a time, with each weight row one SIMD vector.
struct RowScorer: Sendable {
    static let lanes = 4
    let classes: Int
    /// One row per feature, the classes in the first lanes.
    let weights: [SIMD16<Float>]
    let intercepts: SIMD16<Float>

    init(weights: [Double], intercepts: [Double], classes: Int) {
        self.classes = classes
        self.weights = stride(from: 0, to: weights.count, by: classes).map { start in
            var row = SIMD16<Float>.zero
            for c in 0..<classes { row[c] = Float(weights[start + c]) }
            return row
        }
        var bias = SIMD16<Float>.zero
        for c in 0..<classes { bias[c] = Float(intercepts[c]) }
        self.intercepts = bias
    }

    func scores<Value: GreyLevel>(_ x: UnsafeBufferPointer<Value>, columns: Int) -> Matrix {
        let rowCount = x.count / columns, classes = self.classes
        var result = Matrix(rows: rowCount, columns: classes)
        weights.withUnsafeBufferPointer { w in
            result.storage.withUnsafeMutableBufferPointer { out in
                parallelRanges(rowCount, minimumChunk: 512) { rows in
                    for first in stride(from: rows.lowerBound, to: rows.upperBound, by: Self.lanes) {
                        let last = min(first + Self.lanes, rows.upperBound) - 1
                        let group = Self.rowGroup(x.baseAddress!, first: first, last: last, columns: columns)
                        let (z0, z1, z2, z3) = Self.scores(group, columns: columns, weights: w.baseAddress!,
                                                           intercepts: intercepts)
                        for (offset, z) in [z0, z1, z2, z3].enumerated() where first + offset <= last {
                            for c in 0..<classes { out[(first + offset) * classes + c] = z[c] }
                        }
                    }
                }
            }
        }
        return result
    }

    /// The rows `first…last` (at most four) of `x`; a short group repeats its last row in the
    /// spare lanes, so that every group runs the same four-row loop and callers drop the extras.
    @inline(__always)
    static func rowGroup<Value>(_ x: UnsafePointer<Value>, first: Int, last: Int, columns: Int)
        -> (UnsafePointer<Value>, UnsafePointer<Value>, UnsafePointer<Value>, UnsafePointer<Value>) {
        (x + first * columns, x + min(first + 1, last) * columns,
         x + min(first + 2, last) * columns, x + min(first + 3, last) * columns)
    }

    /// `row · weights + intercepts` for the four rows of a group, sharing each weight load.
    @inline(__always)
    static func scores<Value: GreyLevel>(
        _ group: (UnsafePointer<Value>, UnsafePointer<Value>, UnsafePointer<Value>, UnsafePointer<Value>),
        columns: Int, weights: UnsafePointer<SIMD16<Float>>, intercepts: SIMD16<Float>
    ) -> (SIMD16<Float>, SIMD16<Float>, SIMD16<Float>, SIMD16<Float>) {
        let (x0, x1, x2, x3) = group
        var z0 = intercepts, z1 = intercepts, z2 = intercepts, z3 = intercepts
        for j in 0..<columns {
            let row = weights[j]
            z0.addProduct(SIMD16(repeating: x0[j].floatValue), row)
            z1.addProduct(SIMD16(repeating: x1[j].floatValue), row)
            z2.addProduct(SIMD16(repeating: x2[j].floatValue), row)
            z3.addProduct(SIMD16(repeating: x3[j].floatValue), row)
        }
        return (z0, z1, z2, z3)
    }
}
