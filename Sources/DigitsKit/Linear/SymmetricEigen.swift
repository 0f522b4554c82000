import CBLAS

/// Eigenvalues and eigenvectors of a symmetric matrix, largest eigenvalue first (LAPACK
/// `ssyevd`, divide and conquer).
public struct SymmetricEigen: Sendable {
    /// Descending.
    public let values: [Float]
    /// Row `i` is the unit eigenvector of `values[i]`.
    public let vectors: Matrix

    public enum Failure: Error, CustomStringConvertible {
        case notSquare(rows: Int, columns: Int)
        case lapack(info: Int32)

        public var description: String {
            switch self {
            case let .notSquare(rows, columns): return "eigen-decomposition needs a square matrix, got \(rows)×\(columns)"
            case let .lapack(info): return "the eigen-decomposition did not converge (LAPACK ssyevd info \(info))"
            }
        }
    }

    public init(symmetric matrix: Matrix) throws(Failure) {
        guard matrix.rows == matrix.columns else { throw .notSquare(rows: matrix.rows, columns: matrix.columns) }
        var n = Int32(matrix.rows)
        // LAPACK is column-major; a symmetric matrix is its own transpose, and the eigenvectors
        // come back as columns, which read row-major are the rows we want.
        var a = matrix.storage
        var w = [Float](repeating: 0, count: matrix.rows)
        var jobz = Int8(UInt8(ascii: "V")), uplo = Int8(UInt8(ascii: "U"))
        var lda = n, info: Int32 = 0
        var lwork: Int32 = -1, liwork: Int32 = -1
        var workSize: Float = 0, iworkSize: Int32 = 0
        ssyevd_(&jobz, &uplo, &n, &a, &lda, &w, &workSize, &lwork, &iworkSize, &liwork, &info)
        guard info == 0 else { throw .lapack(info: info) }
        lwork = Int32(workSize)
        liwork = iworkSize
        var work = [Float](repeating: 0, count: Int(lwork))
        var iwork = [Int32](repeating: 0, count: Int(liwork))
        ssyevd_(&jobz, &uplo, &n, &a, &lda, &w, &work, &lwork, &iwork, &liwork, &info)
        guard info == 0 else { throw .lapack(info: info) }
        // ssyevd returns ascending order; reverse rows and values.
        let size = matrix.rows
        var vectors = Matrix(rows: size, columns: size)
        for i in 0..<size {
            let source = size - 1 - i
            for j in 0..<size { vectors[i, j] = a[source * size + j] }
        }
        self.values = w.reversed()
        self.vectors = vectors
    }
}
