/// How to cut MNIST into training, validation and test sets.
///
/// - `standard`: the original 60000 training and 10000 test images, no validation set.
/// - `a/b/c` with percentages summing to 100 (e.g. `80/10/10`): all 70000 images pooled, then a
///   seeded, stratified split into train/validation/test.
/// - `a/b/c` with counts (e.g. `50000/10000/10000`): the same with exact sizes.
/// - `a/b` (percentages or counts): train/test only.
public enum SplitSpec: Sendable, Equatable, CustomStringConvertible {
    case standard
    case percentages([Int])
    case counts([Int])

    public init(parsing text: String) throws(SplitError) {
        if text == "standard" {
            self = .standard
            return
        }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map { Int($0) }
        guard (2...3).contains(parts.count), parts.allSatisfy({ ($0 ?? -1) >= 0 }) else {
            throw .malformed(text)
        }
        let values = parts.compactMap { $0 }
        guard values[0] > 0, values.last! > 0 else { throw .malformed(text) }
        if values.reduce(0, +) == 100 {
            self = .percentages(values)
        } else if values.allSatisfy({ $0 >= 100 || $0 == 0 }) {
            self = .counts(values)
        } else {
            throw .malformed(text)
        }
    }

    public var description: String {
        switch self {
        case .standard: return "standard"
        case let .percentages(values), let .counts(values): return values.map(String.init).joined(separator: "/")
        }
    }
}

/// Training, validation and test sets, ready to fit and score.
public struct DataSplit: Sendable {
    public let train: Dataset
    /// Empty when the split has no validation part.
    public let validation: Dataset
    public let test: Dataset
    /// Where each image of `train` and `validation` sits in the pool it was cut from, so the two
    /// can be put back together in their original order.
    private let trainIndices: [Int]?
    private let validationIndices: [Int]?

    public init(train: Dataset, validation: Dataset, test: Dataset) {
        self.train = train
        self.validation = validation
        self.test = test
        trainIndices = nil
        validationIndices = nil
    }

    /// Training and validation images together, in their original order when this split cut
    /// them from one pool (so a `standard` split with a carve-out gives back MNIST's training set).
    public var trainingAndValidation: Dataset {
        let both = train.appending(validation)
        guard let trainIndices, let validationIndices, validation.count > 0 else { return both }
        let poolIndices = trainIndices + validationIndices  // the pool index of each image of `both`
        return both.subset(poolIndices.indices.sorted { poolIndices[$0] < poolIndices[$1] })
    }

    /// This split with `count` training images moved to a stratified validation set (seeded),
    /// for protocols that need one when the split has none. An existing validation set is kept.
    public func carvingValidation(count: Int, seed: UInt64) throws(SplitError) -> DataSplit {
        guard validation.count == 0 else { return self }
        guard count > 0, count < train.count else { throw .tooLarge(requested: count, available: train.count) }
        let parts = stratifiedPartition(labels: train.labels, sizes: [train.count - count, count], seed: seed)
        return DataSplit(train: train.subset(parts[0]), validation: train.subset(parts[1]), test: test,
                         trainIndices: parts[0], validationIndices: parts[1])
    }

    /// This split with `extra` appended to its training part only: extra data (user feedback)
    /// must never reach the validation or test sets, where it would change what is measured.
    public func addingTraining(_ extra: Dataset) -> DataSplit {
        guard extra.count > 0 else { return self }
        return DataSplit(train: train.appending(extra), validation: validation, test: test)
    }

    private init(train: Dataset, validation: Dataset, test: Dataset, trainIndices: [Int]?, validationIndices: [Int]?) {
        self.train = train
        self.validation = validation
        self.test = test
        self.trainIndices = trainIndices
        self.validationIndices = validationIndices
    }

    /// Cuts the original training and test sets as `spec` says; the same seed always gives
    /// the same split.
    public init(train originalTrain: Dataset, test originalTest: Dataset, spec: SplitSpec, seed: UInt64) throws(SplitError) {
        switch spec {
        case .standard:
            self.init(train: originalTrain, validation: .empty, test: originalTest)
        case let .percentages(parts), let .counts(parts):
            let pooled = originalTrain.appending(originalTest)
            let total = pooled.count
            var sizes: [Int]
            if case .percentages = spec {
                sizes = parts.map { total * $0 / 100 }
                sizes[0] += total - sizes.reduce(0, +)
            } else {
                sizes = parts
                guard sizes.reduce(0, +) <= total else {
                    throw .tooLarge(requested: sizes.reduce(0, +), available: total)
                }
            }
            if sizes.count == 2 { sizes.insert(0, at: 1) }
            let parts = stratifiedPartition(labels: pooled.labels, sizes: sizes, seed: seed)
            self.init(train: pooled.subset(parts[0]), validation: pooled.subset(parts[1]), test: pooled.subset(parts[2]),
                      trainIndices: parts[0], validationIndices: parts[1])
        }
    }
}

public enum SplitError: Error, Equatable, CustomStringConvertible {
    case malformed(String)
    case tooLarge(requested: Int, available: Int)
    case badFolds(folds: Int, smallestClass: Int)

    public var description: String {
        switch self {
        case let .malformed(text):
            return "'\(text)' is not a split; use 'standard', percentages such as 80/10/10, or counts such as 50000/10000/10000"
        case let .tooLarge(requested, available):
            return "the split asks for \(requested) images but MNIST has \(available)"
        case let .badFolds(folds, smallestClass):
            return "cannot make \(folds) stratified folds: the smallest class has \(smallestClass) samples (need folds ≥ 2 and ≤ that)"
        }
    }
}

/// Splits sample indices into parts of exactly `sizes` (the rest is left out), keeping each
/// digit's share the same in every part. Classes are shuffled with `seed`; each part's
/// per-class quota is its size times the class share, rounded by largest remainder.
public func stratifiedPartition(labels: [UInt8], sizes: [Int], seed: UInt64) -> [[Int]] {
    var byClass = [[Int]](repeating: [], count: Dataset.classCount)
    for (index, label) in labels.enumerated() { byClass[Int(label)].append(index) }
    var rng = SplitMix64(seed: seed)
    for c in byClass.indices { byClass[c].seededShuffle(using: &rng) }
    let classSizes = byClass.map(\.count)
    var taken = [Int](repeating: 0, count: Dataset.classCount)
    var parts: [[Int]] = []
    for size in sizes {
        let remaining = zip(classSizes, taken).map { $0 - $1 }
        let quotas = apportion(size, among: remaining, totalAvailable: labels.count)
        var part: [Int] = []
        part.reserveCapacity(size)
        for c in byClass.indices {
            part.append(contentsOf: byClass[c][taken[c] ..< taken[c] + quotas[c]])
            taken[c] += quotas[c]
        }
        part.sort()
        parts.append(part)
    }
    return parts
}

/// Splits `total` into per-class quotas proportional to the classes' overall frequency,
/// never more than a class has left (largest-remainder rounding).
private func apportion(_ total: Int, among remaining: [Int], totalAvailable: Int) -> [Int] {
    let available = remaining.reduce(0, +)
    let target = min(total, available)
    guard available > 0, target > 0 else { return remaining.map { _ in 0 } }
    let exact = remaining.map { Double($0) * Double(target) / Double(available) }
    var quotas = exact.map { Int($0) }
    var shortfall = target - quotas.reduce(0, +)
    let order = exact.indices.sorted { (exact[$0] - Double(quotas[$0]), -$0) > (exact[$1] - Double(quotas[$1]), -$1) }
    for c in order where shortfall > 0 && quotas[c] < remaining[c] {
        quotas[c] += 1
        shortfall -= 1
    }
    return quotas
}

/// Stratified k-fold: each fold's validation part holds every digit in about the same share.
/// Returns `folds` pairs of (training indices, validation indices).
public func stratifiedKFold(labels: [UInt8], folds: Int, seed: UInt64) throws(SplitError) -> [(train: [Int], validation: [Int])] {
    var byClass = [[Int]](repeating: [], count: Dataset.classCount)
    for (index, label) in labels.enumerated() { byClass[Int(label)].append(index) }
    let smallest = byClass.map(\.count).filter { $0 > 0 }.min() ?? 0
    guard folds >= 2, folds <= smallest else { throw .badFolds(folds: folds, smallestClass: smallest) }
    var rng = SplitMix64(seed: seed)
    var foldOf = [Int](repeating: 0, count: labels.count)
    var offset = 0
    for c in byClass.indices {
        byClass[c].seededShuffle(using: &rng)
        // Deal each class round-robin, continuing where the previous class stopped, so fold
        // sizes differ by at most one overall.
        for (position, index) in byClass[c].enumerated() { foldOf[index] = (offset + position) % folds }
        offset = (offset + byClass[c].count) % folds
    }
    return (0..<folds).map { fold in
        var train: [Int] = [], validation: [Int] = []
        for index in labels.indices {
            if foldOf[index] == fold { validation.append(index) } else { train.append(index) }
        }
        return (train, validation)
    }
}
