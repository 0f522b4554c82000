import Foundation
import Testing
@testable import DigitsKit

@Suite struct KNeighborsTests {
    /// Rows of small whole numbers (many equal distances) with some columns blank everywhere,
    /// or of arbitrary floats.
    static func rows(_ count: Int, columns: Int, levels: UInt64?, rng: inout SplitMix64) -> Matrix {
        var x = Matrix(rows: count, columns: columns)
        for r in 0..<count {
            for c in 0..<columns where c % 5 != 2 {
                x[r, c] = levels.map { Float(rng.next() % $0) } ?? (rng.nextUnitFloat() * 2 - 0.5)
            }
        }
        return x
    }

    /// The definition: every distance in `Double`, column by column; nearest first, equal
    /// distances in training order.
    static func bruteForce(_ train: Matrix, _ query: [Float], k: Int, metric: NeighborIndex.Metric) -> [(Int, Double)] {
        let measured = (0..<train.rows).map { j -> (Int, Double) in
            var total = 0.0, dot = 0.0, nx = 0.0, ny = 0.0
            for c in 0..<train.columns {
                let x = Double(query[c]), y = Double(train[j, c])
                total += (x - y) * (x - y)
                dot += x * y
                nx += x * x
                ny += y * y
            }
            let cosine = nx > 0 && ny > 0 ? min(2, max(0, 1 - dot / (nx.squareRoot() * ny.squareRoot()))) : 1
            return (j, metric == .euclidean ? total.squareRoot() : cosine)
        }
        return Array(measured.sorted { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }.prefix(k))
    }

    @Test(arguments: NeighborIndex.Metric.allCases, [UInt64(4), nil])
    func searchEqualsBruteForce(metric: NeighborIndex.Metric, levels: UInt64?) throws {
        for seed in UInt64(0)..<25 {
            var rng = SplitMix64(seed: seed)
            let columns = 3 + Int(rng.next() % 12)
            let train = Self.rows(5 + Int(rng.next() % 60), columns: columns, levels: levels, rng: &rng)
            // Past 1000 queries the search drops blank columns from the product: cover both paths.
            let queryCount = seed % 5 == 0 ? 1000 + Int(rng.next() % 30) : 1 + Int(rng.next() % 9)
            var queries = Self.rows(queryCount, columns: columns, levels: levels, rng: &rng)
            // A query equal to a training row, and one that is blank.
            for c in 0..<columns {
                queries[0, c] = train[1, c]
                if queries.rows > 1 { queries[1, c] = 0 }
            }
            let k = 1 + Int(rng.next() % 6)
            let index = try #require(NeighborIndex(rows: train, metric: metric))
            let found = index.search(queries, k: k, queriesPerBlock: queryCount > 100 ? 256 : 1 + Int(rng.next() % 4))
            for q in 0..<queries.rows {
                let expected = Self.bruteForce(train, queries.row(q), k: k, metric: metric)
                #expect(Array(found.indices[(q * k)..<((q + 1) * k)]) == expected.map(\.0), "seed \(seed), query \(q)")
                #expect(Array(found.distances[(q * k)..<((q + 1) * k)]) == expected.map(\.1), "seed \(seed), query \(q)")
            }
        }
    }

    static func model(_ k: Int, weights: String = "uniform", metric: String = "euclidean",
                      _ rows: [[Float]], labels: [Int]) throws -> KNeighborsClassifier {
        var model = KNeighborsClassifier(parameters: try .parse(["nNeighbors=\(k)", "weights=\(weights)", "metric=\(metric)"]))
        let x = Matrix(rows: rows.count, columns: rows[0].count, storage: rows.flatMap { $0 })
        _ = try model.fit(x, labels: labels, options: FitOptions())
        return model
    }

    @Test func distanceWeightsFavourCloserNeighbours() throws {
        let rows: [[Float]] = [[0], [1], [3]]
        let query = Matrix(rows: 1, columns: 1, storage: [0.4])
        let uniform = try Self.model(3, rows, labels: [0, 1, 1])
        #expect(try uniform.predict(query) == [1])
        let weighted = try Self.model(3, weights: "distance", rows, labels: [0, 1, 1])
        let p = try weighted.probabilities(query)
        let w = [1 / 0.4, 1 / 0.6, 1 / 2.6]
        #expect(abs(Double(p[0, 0]) - w[0] / w.reduce(0, +)) < 1e-6)
        #expect(try weighted.predict(query) == [0])
        // A sample on top of a training point takes that point's label outright.
        let onTop = try weighted.probabilities(Matrix(rows: 1, columns: 1, storage: [3]))
        #expect(onTop[0, 1] == 1)
    }

    @Test func cosineIgnoresLength() throws {
        let rows: [[Float]] = [[10, 0], [1, 1]]
        let query = Matrix(rows: 1, columns: 2, storage: [1, 0.2])
        #expect(try Self.model(1, rows, labels: [0, 1]).predict(query) == [1])
        #expect(try Self.model(1, metric: "cosine", rows, labels: [0, 1]).predict(query) == [0])
    }

    @Test func tiedVotesGoToTheSmallestDigit() throws {
        let model = try Self.model(2, [[1], [2]], labels: [3, 1])
        #expect(try model.predict(Matrix(rows: 1, columns: 1, storage: [1.5])) == [1])
        #expect(try model.probabilities(Matrix(rows: 1, columns: 1, storage: [0]))[0, 3] == 0.5)
    }

    @Test func moreNeighboursThanSamplesIsRejectedAtFit() {
        #expect {
            _ = try Self.model(4, [[0], [1], [2]], labels: [0, 1, 2])
        } throws: { error in
            "\(error)".contains("'nNeighbors'") && "\(error)".contains("(3)")
        }
    }

    @Test func rejectsBadParametersAndInputs() throws {
        #expect(throws: ParameterError.self) { try KNeighborsClassifier.Parameters.parse(["nNeighbors=0"]) }
        #expect(throws: ParameterError.self) { try KNeighborsClassifier.Parameters.parse(["metric=manhattan"]) }
        #expect(throws: ParameterError.self) { try KNeighborsClassifier.Parameters.parse(["weights=linear"]) }
        let model = try Self.model(1, [[0, 1]], labels: [0])
        #expect(throws: ClassifierError.nonFiniteInput(kind: "knn")) {
            try model.predict(Matrix(rows: 1, columns: 2, storage: [.nan, 0]))
        }
        #expect(throws: ClassifierError.featureCountMismatch(kind: "knn", expected: 2, got: 1)) {
            try model.predict(Matrix(rows: 1, columns: 1, storage: [0]))
        }
    }

    @Test func storesScaledPixelsAsBytes() throws {
        let pixels = try PixelScaler().transform(try blockDigits(count: 20, seed: 1).featureMatrix())
        var model = KNeighborsClassifier()
        _ = try model.fit(pixels, labels: Array(repeating: 4, count: 20), options: FitOptions())
        #expect(try model.stateTensors()["rows"]?.dtype == .u8)
        let floats = try Self.model(1, [[0.5, 0.25]], labels: [0])
        #expect(try floats.stateTensors()["rows"]?.dtype == .f32)
    }

    @Test func damagedColumnIndicesAreAClearError() throws {
        let model = try Self.model(1, [[0, 1, 2]], labels: [0])
        var tensors = try model.stateTensors()
        tensors["columns"] = try Tensor([Int32(0), 7], shape: [2])
        let state = StoredState(file: "bad.safetensors", prefix: "", tensors: tensors)
        #expect(throws: ModelFileError.self) {
            _ = try KNeighborsClassifier.restore(configuration: model.configuration, state: state)
        }
    }
}
