import Testing
@testable import DigitsKit

/// The bfloat16 matrix product and training with `precision=bfloat16`.
@Suite struct BFloat16Tests {
    static let reason: Comment = "this processor lacks AVX512-BF16 (with AVX512F/BW/VL), which precision=bfloat16 needs"

    /// Every transpose combination on sizes that are not multiples of the 8 × 32 register tile,
    /// odd k, k across two packing blocks (> 384), n across two column blocks (> 1024), and
    /// leading dimensions wider than the matrices.
    @Test(.enabled(if: MatrixPrecision.bfloat16Supported, reason),
          arguments: [(1, 1, 1), (7, 33, 5), (37, 45, 17), (130, 70, 385), (200, 1030, 3), (9, 32, 2000)])
    func productMatchesFloat32WithinBFloat16Rounding(m: Int, n: Int, k: Int) {
        var random = SplitMix64(seed: UInt64(m * 1_000_003 + n * 1009 + k))
        for (transposeA, transposeB) in [(false, false), (true, false), (false, true), (true, true)] {
            let lda = (transposeA ? m : k) + 3, ldb = (transposeB ? k : n) + 2, ldc = n + 1
            let a = (0..<(transposeA ? k : m) * lda).map { _ in Float(random.uniform(-1, 1)) }
            let b = (0..<(transposeB ? n : k) * ldb).map { _ in Float(random.uniform(-1, 1)) }
            let start = (0..<m * ldc).map { _ in Float(random.uniform(-1, 1)) }
            var exact = start, rounded = start
            let (alpha, beta): (Float, Float) = (0.5, 0.25)
            matrixProduct(.float32, transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: alpha,
                          a, lda: lda, b, ldb: ldb, beta: beta, &exact, ldc: ldc)
            matrixProduct(.bfloat16, transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: alpha,
                          a, lda: lda, b, ldb: ldb, beta: beta, &rounded, ldc: ldc)
            // Rounding each operand to bfloat16 (8 significant bits) moves it by at most 2⁻⁹ of
            // itself, so a product moves by at most ~2⁻⁸ of |a·b| and the float32 sum by at most
            // 2⁻⁸ · Σ|a·b|: 1e-2 of that magnitude bounds it with room for float32's own rounding,
            // while any wrong index or missed edge moves an entry by about the magnitude itself.
            var worst: Float = 0, changed = false
            for i in 0..<m {
                for j in 0..<n {
                    var magnitude: Float = 0
                    for p in 0..<k {
                        let x = transposeA ? a[p * lda + i] : a[i * lda + p]
                        let y = transposeB ? b[j * ldb + p] : b[p * ldb + j]
                        magnitude += abs(x * y)
                    }
                    let error = abs(rounded[i * ldc + j] - exact[i * ldc + j])
                    worst = max(worst, error / (alpha * magnitude + beta * abs(start[i * ldc + j]) + 1e-6))
                    changed = changed || rounded[i * ldc + j] != exact[i * ldc + j]
                }
                // Columns past n (the padding of ldc) are never written.
                #expect(rounded[i * ldc + n] == start[i * ldc + n])
            }
            #expect(worst < 1e-2, "transposeA \(transposeA), transposeB \(transposeB): relative error \(worst)")
            #expect(changed, "the operands were not rounded to bfloat16")
        }
    }

    @Test(.enabled(if: MatrixPrecision.bfloat16Supported, reason))
    func betaZeroOverwritesAndKZeroScales() {
        let a: [Float] = [1, 2, 3, 4, 5, 6], b: [Float] = [1, 0, 0, 1, 1, 1]
        var c = [Float](repeating: .nan, count: 4)
        // (2×3)·(3×2): C must not inherit the NaNs beta = 0 multiplies.
        matrixProduct(.bfloat16, m: 2, n: 2, k: 3, a, lda: 3, b, ldb: 2, &c, ldc: 2)
        #expect(c == [4, 5, 10, 11])
        matrixProduct(.bfloat16, m: 2, n: 2, k: 0, a, lda: 3, b, ldb: 2, beta: 0.5, &c, ldc: 2)
        #expect(c == [2, 2.5, 5, 5.5])
    }

    /// A network trained with bfloat16 products learns as well as in float32 on a small fixture,
    /// and really went through the bfloat16 path (its weights differ).
    @Test(.enabled(if: MatrixPrecision.bfloat16Supported, reason))
    func aNetworkTrainedInBFloat16MatchesFloat32Accuracy() throws {
        let (x, labels) = try NeuralNetworkTests.data(400, seed: 11)
        let (testX, testLabels) = try NeuralNetworkTests.data(200, seed: 12)
        func trained(_ precision: MatrixPrecision) throws -> NeuralNetwork {
            let parameters = try NeuralNetwork.Parameters.parse(
                ["arch=conv8k3,pool2,conv16k3,pool2,dense32,dense10", "epochs=4", "batchSize=32", "optimizer=sgd",
                 "learningRate=0.05", "precision=\(precision.rawValue)"])
            var network = NeuralNetwork(parameters: parameters)
            _ = try network.fit(x, labels: labels, options: FitOptions(seed: 3))
            return network
        }
        func accuracy(_ network: NeuralNetwork) throws -> Double {
            Double(zip(try network.predict(testX), testLabels).filter { $0 == $1 }.count) / Double(testLabels.count)
        }
        let full = try trained(.float32), half = try trained(.bfloat16)
        #expect(try accuracy(full) > 0.9, "the fixture is learnable in float32")
        #expect(try accuracy(half) >= accuracy(full) - 0.03)
        #expect(half.values != full.values)
        #expect(half.parameters.precision == "bfloat16", "the recipe (and so the model card) records the precision")
    }

    @Test func badPrecisionsAreRejected() throws {
        #expect(throws: ParameterError.self) { try NeuralNetwork.Parameters.parse(["precision=float16"]) }
        let bfloat16 = try NeuralNetwork.Parameters.parse(["precision=bfloat16"])
        do {
            try bfloat16.checkPrecisionSupported(bfloat16Supported: false)
            Issue.record("bfloat16 was accepted on a processor without AVX512-BF16")
        } catch {
            #expect(error.description.contains("AVX512-BF16"))
            #expect(error.description.contains("precision=float32"))
        }
        try NeuralNetwork.Parameters().checkPrecisionSupported(bfloat16Supported: false)
        #expect(NeuralNetwork.Parameters().matrixPrecision == .float32, "recipes without the field (older model files) train in float32")
    }
}
