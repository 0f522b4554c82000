import Foundation

extension Matrix {
    /// Replaces each row by its softmax, computed stably (subtracting the row's maximum).
    public mutating func applySoftmaxPerRow() {
        let columns = self.columns
        storage.withUnsafeMutableBufferPointer { values in
            for r in 0..<rows {
                let row = values.baseAddress! + r * columns
                var largest = -Float.infinity
                for c in 0..<columns { largest = max(largest, row[c]) }
                var total: Float = 0
                for c in 0..<columns {
                    row[c] = exp(row[c] - largest)
                    total += row[c]
                }
                let inverse = 1 / total
                for c in 0..<columns { row[c] *= inverse }
            }
        }
    }

    /// The mean of each column, accumulated in `Double`.
    public func columnMeans() -> [Double] {
        var sums = [Double](repeating: 0, count: columns)
        storage.withUnsafeBufferPointer { values in
            for r in 0..<rows {
                let row = values.baseAddress! + r * columns
                for c in 0..<columns { sums[c] += Double(row[c]) }
            }
        }
        let n = Double(max(rows, 1))
        return sums.map { $0 / n }
    }

    /// Applies `(x − shift[c]) · scale[c]` to every column `c`.
    public mutating func shiftAndScaleColumns(shift: [Float], scale: [Float]) {
        precondition(shift.count == columns && scale.count == columns, "one shift and scale per column")
        let columns = self.columns
        storage.withUnsafeMutableBufferPointer { values in
            shift.withUnsafeBufferPointer { shift in
                scale.withUnsafeBufferPointer { scale in
                    for r in 0..<rows {
                        let row = values.baseAddress! + r * columns
                        for c in 0..<columns { row[c] = (row[c] - shift[c]) * scale[c] }
                    }
                }
            }
        }
    }
}
