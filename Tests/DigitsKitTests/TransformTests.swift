import Testing
@testable import DigitsKit

@Suite struct TransformTests {
    @Test func pcaFindsTheDirectionOfLargestVariance() throws {
        // Points along (3, 4)/5 with small noise across it.
        var rng = SplitMix64(seed: 4)
        var x = Matrix(rows: 200, columns: 2)
        for r in 0..<200 {
            let t = rng.nextUnitFloat() * 10 - 5
            let noise = (rng.nextUnitFloat() - 0.5) * 0.1
            x[r, 0] = 0.6 * t - 0.8 * noise + 2
            x[r, 1] = 0.8 * t + 0.6 * noise - 1
        }
        var pca = PCA(components: .count(1))
        let projected = try pca.fitTransform(x)
        #expect(projected.columns == 1)
        #expect(abs(abs(pca.axes[0, 0]) - 0.6) < 1e-3 && abs(abs(pca.axes[0, 1]) - 0.8) < 1e-3)
        #expect(pca.explainedVarianceRatio[0] > 0.999)
        var byRatio = PCA(components: .varianceRatio(0.9999999))
        try byRatio.fit(x)
        #expect(byRatio.axes.rows == 2)
    }

    @Test func pcaParsesCountsAndRatios() {
        #expect(PCA.Components("50") == .count(50))
        #expect(PCA.Components("0.95") == .varianceRatio(0.95))
        #expect(PCA.Components("0") == nil)
        #expect(PCA.Components("1.5") == nil)
        #expect(PCA.Components("many") == nil)
    }

    @Test func pcaRejectsMoreComponentsThanData() {
        var pca = PCA(components: .count(5))
        #expect(throws: TransformError.self) { try pca.fit(Matrix(rows: 3, columns: 4, repeating: 1)) }
    }

    @Test func standardScalerCentresAndScalesAndLeavesConstantColumns() throws {
        let x = Matrix(rows: 4, columns: 2, storage: [1, 5, 2, 5, 3, 5, 4, 5])
        var scaler = StandardScaler()
        let y = try scaler.fitTransform(x)
        let column0 = (0..<4).map { y[$0, 0] }
        #expect(abs(column0.reduce(0, +)) < 1e-6)
        #expect(abs(column0.map { $0 * $0 }.reduce(0, +) / 4 - 1) < 1e-5)
        #expect((0..<4).allSatisfy { y[$0, 1] == 0 })
        #expect(throws: TransformError.self) { try StandardScaler().transform(x) }
    }

    @Test func pixelScalerMapsGreyLevelsToUnitRange() throws {
        let y = try PixelScaler().transform(Matrix(rows: 1, columns: 3, storage: [0, 127.5, 255]))
        #expect(y.storage == [0, 0.5, 1])
    }
}
