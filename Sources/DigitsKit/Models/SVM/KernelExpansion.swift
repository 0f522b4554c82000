import Foundation

/// Decision functions of the form `f_m(z) = Σ_s coefficients[s][m]·k(sv_s, z) + intercepts[m]`,
/// evaluated for many rows and many functions at once: one GEMM between a block of rows and
/// all support vectors, the kernel's element-wise step, then one GEMM with the coefficients.
struct KernelExpansion: Sendable, Equatable {
    /// `count × features`: each support vector stored once, whatever pairs it serves.
    let supportVectors: Matrix
    /// `count × functions`.
    let coefficients: Matrix
    let intercepts: [Float]
    let kernel: SVMKernel
    private let norms: [Float]

    init(supportVectors: Matrix, coefficients: Matrix, intercepts: [Float], kernel: SVMKernel) {
        self.supportVectors = supportVectors
        self.coefficients = coefficients
        self.intercepts = intercepts
        self.kernel = kernel
        norms = supportVectors.squaredRowNorms()
    }

    /// Rows per block: 1024 rows against 20 000 support vectors is an 80 MB kernel block.
    private static let blockRows = 1024

    /// The decision values, `z.rows × functions`. `parallel` spreads the kernel step over the
    /// cores; pass false when already running on a worker.
    func evaluate(_ z: Matrix, parallel: Bool = true) -> Matrix {
        var result = Matrix(rows: z.rows, columns: coefficients.columns)
        let svCount = supportVectors.rows
        guard svCount > 0 else {
            for r in 0..<z.rows { for m in 0..<intercepts.count { result[r, m] = intercepts[m] } }
            return result
        }
        var start = 0
        while start < z.rows {
            let end = min(z.rows, start + Self.blockRows)
            let block = z.rows(at: Array(start..<end))
            let blockNorms = block.squaredRowNorms()
            var values = Matrix.product(block, supportVectors, transposeB: true)
            values.storage.withUnsafeMutableBufferPointer { v in
                norms.withUnsafeBufferPointer { svNorms in
                    let (output, bNorms) = (v.baseAddress!, svNorms.baseAddress!)
                    if parallel {
                        parallelRanges(block.rows, minimumChunk: 16) { range in
                            applyKernel(output, rows: range, svCount: svCount, aNorms: blockNorms, bNorms: bNorms)
                        }
                    } else {
                        applyKernel(output, rows: 0..<block.rows, svCount: svCount, aNorms: blockNorms, bNorms: bNorms)
                    }
                }
            }
            var decisions = Matrix(rows: block.rows, columns: coefficients.columns)
            for r in 0..<block.rows { for m in 0..<intercepts.count { decisions[r, m] = intercepts[m] } }
            Matrix.gemm(values, coefficients, into: &decisions, beta: 1)
            result.storage.replaceSubrange(start * result.columns ..< end * result.columns, with: decisions.storage)
            start = end
        }
        return result
    }

    private func applyKernel(_ values: UnsafeMutablePointer<Float>, rows: Range<Int>, svCount: Int,
                             aNorms: [Float], bNorms: UnsafePointer<Float>) {
        for r in rows {
            kernel.apply(values + r * svCount, count: svCount, aNorm: aNorms[r], bNorms: bNorms)
        }
    }
}

extension Matrix {
    /// `‖row‖²` for every row.
    func squaredRowNorms() -> [Float] {
        var result = [Float](repeating: 0, count: rows)
        storage.withUnsafeBufferPointer { values in
            for r in 0..<rows {
                let row = values.baseAddress! + r * columns
                var sum: Float = 0
                for c in 0..<columns { sum += row[c] * row[c] }
                result[r] = sum
            }
        }
        return result
    }
}
