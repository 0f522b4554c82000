/// The non-zero entries of a matrix, row by row (compressed sparse rows). MNIST pixels are about
/// 80 % zeros, so per-sample work (stochastic gradient steps) touches a fifth of the columns.
struct SparseRows: Sendable {
    let rows: Int
    let columns: Int
    /// Row r's entries are `rowStart[r] ..< rowStart[r + 1]`.
    let rowStart: [Int]
    let columnIndices: [Int32]
    let values: [Float]

    init(_ x: Matrix) {
        var rowStart = [0]
        rowStart.reserveCapacity(x.rows + 1)
        var columnIndices: [Int32] = []
        var values: [Float] = []
        x.storage.withUnsafeBufferPointer { source in
            for r in 0..<x.rows {
                for c in 0..<x.columns where source[r * x.columns + c] != 0 {
                    columnIndices.append(Int32(c))
                    values.append(source[r * x.columns + c])
                }
                rowStart.append(values.count)
            }
        }
        self.rows = x.rows
        self.columns = x.columns
        self.rowStart = rowStart
        self.columnIndices = columnIndices
        self.values = values
    }
}
