import Testing
@testable import DigitsKit

@Suite struct SplitTests {
    /// 1000 samples: digit d appears 50 + 10·d times.
    static let labels: [UInt8] = (0..<10).flatMap { d in [UInt8](repeating: UInt8(d), count: 55 + 10 * d) }

    static func dataset(_ labels: [UInt8]) throws -> Dataset {
        try Dataset(pixels: [UInt8](repeating: 0, count: labels.count * 784), labels: labels)
    }

    @Test func parsesSplitSpecs() throws {
        #expect(try SplitSpec(parsing: "standard") == .standard)
        #expect(try SplitSpec(parsing: "80/10/10") == .percentages([80, 10, 10]))
        #expect(try SplitSpec(parsing: "50000/10000/10000") == .counts([50000, 10000, 10000]))
        #expect(try SplitSpec(parsing: "90/10") == .percentages([90, 10]))
        for bad in ["", "80/10", "80/10/x", "80//20", "1/2/3/94", "-5/5/100", "0/50/50"] {
            #expect(throws: SplitError.self) { try SplitSpec(parsing: bad) }
        }
    }

    @Test func partitionHasExactSizesAndKeepsClassShares() {
        let parts = stratifiedPartition(labels: Self.labels, sizes: [800, 100, 100], seed: 7)
        #expect(parts.map(\.count) == [800, 100, 100])
        #expect(Set(parts.joined()).count == Self.labels.count, "parts are disjoint and cover everything")
        let overall = Self.labels.count
        for part in parts {
            for digit in 0..<10 {
                let inPart = part.filter { Self.labels[$0] == digit }.count
                let expected = Double(55 + 10 * digit) * Double(part.count) / Double(overall)
                #expect(abs(Double(inPart) - expected) <= 1, "digit \(digit): \(inPart) vs \(expected)")
            }
        }
    }

    @Test func sameSeedSameSplitOtherSeedOtherSplit() {
        let a = stratifiedPartition(labels: Self.labels, sizes: [800, 200], seed: 1)
        let b = stratifiedPartition(labels: Self.labels, sizes: [800, 200], seed: 1)
        let c = stratifiedPartition(labels: Self.labels, sizes: [800, 200], seed: 2)
        #expect(a == b)
        #expect(a != c)
    }

    @Test func percentageSplitOfPooledData() throws {
        let train = try Self.dataset(Array(Self.labels[..<700]))
        let test = try Self.dataset(Array(Self.labels[700...]))
        let split = try DataSplit(train: train, test: test, spec: .percentages([80, 10, 10]), seed: 0)
        #expect(split.train.count == 800)
        #expect(split.validation.count == 100)
        #expect(split.test.count == 100)
        let standard = try DataSplit(train: train, test: test, spec: .standard, seed: 0)
        #expect(standard.train == train && standard.test == test && standard.validation.count == 0)
        #expect(throws: SplitError.tooLarge(requested: 1200, available: 1000)) {
            try DataSplit(train: train, test: test, spec: .counts([1000, 100, 100]), seed: 0)
        }
    }

    @Test func kFoldValidationPartsAreDisjointStratifiedAndCoverAll() throws {
        let folds = try stratifiedKFold(labels: Self.labels, folds: 5, seed: 3)
        #expect(folds.count == 5)
        let validation = folds.flatMap(\.validation)
        #expect(validation.count == Self.labels.count)
        #expect(Set(validation).count == Self.labels.count)
        for fold in folds {
            #expect(fold.train.count + fold.validation.count == Self.labels.count)
            #expect(abs(fold.validation.count - 200) <= 1)
            for digit in 0..<10 {
                let count = fold.validation.filter { Self.labels[$0] == digit }.count
                #expect(abs(Double(count) - Double(55 + 10 * digit) / 5) <= 1)
            }
        }
        #expect(try stratifiedKFold(labels: Self.labels, folds: 5, seed: 3).map(\.validation) == folds.map(\.validation))
        #expect(throws: SplitError.self) { try stratifiedKFold(labels: Self.labels, folds: 1, seed: 0) }
    }
}
