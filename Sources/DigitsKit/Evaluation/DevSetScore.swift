/// Per-digit scoring of readings against expected digit strings, by kind of picture and by
/// digit class. A reading is aligned to the expected string by edit distance, so one missed or
/// extra digit in a phone number costs one digit, not the ten after it. Per-digit accuracy is
/// hits / (expected digits + extra digits read): extras count against it, and it stays in 0…1.
public struct DevSetScore: Sendable, Codable {
    public struct Tally: Sendable, Codable {
        public var images = 0
        /// Images read exactly.
        public var exact = 0
        public var expectedDigits = 0
        public var hits = 0
        /// Digits read where none was expected.
        public var extras = 0

        public var digitAccuracy: Double {
            expectedDigits + extras == 0 ? 0 : Double(hits) / Double(expectedDigits + extras)
        }
        public var imageAccuracy: Double { images == 0 ? 0 : Double(exact) / Double(images) }
    }

    public private(set) var byKind: [String: Tally] = [:]
    /// Index d: the digits d expected anywhere (only `expectedDigits` and `hits` are counted;
    /// extras belong to no class).
    public private(set) var byDigit = [Tally](repeating: Tally(), count: 10)
    public private(set) var total = Tally()

    public init() {}

    public mutating func add(kind: String, expected: String, read: String) {
        let (matched, extras) = Self.align(expected: Array(expected), read: Array(read))
        let tally = Tally(images: 1, exact: expected == read ? 1 : 0, expectedDigits: expected.count,
                          hits: matched.filter { $0 }.count, extras: extras)
        for (character, hit) in zip(expected, matched) {
            guard let d = character.wholeNumberValue, d < 10 else { continue }
            byDigit[d].expectedDigits += 1
            if hit { byDigit[d].hits += 1 }
        }
        byKind[kind, default: Tally()].merge(tally)
        total.merge(tally)
    }

    /// For each expected character, whether the edit-distance alignment reads it right; and the
    /// number of read characters aligned to nothing.
    static func align(expected: [Character], read: [Character]) -> (matched: [Bool], extras: Int) {
        let n = expected.count, m = read.count
        var cost = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in 0...n { cost[i][0] = i }
        for j in 0...m { cost[0][j] = j }
        if n > 0 && m > 0 {
            for i in 1...n {
                for j in 1...m {
                    let substitution = cost[i - 1][j - 1] + (expected[i - 1] == read[j - 1] ? 0 : 1)
                    cost[i][j] = min(substitution, cost[i - 1][j] + 1, cost[i][j - 1] + 1)
                }
            }
        }
        var matched = [Bool](repeating: false, count: n)
        var extras = 0
        var (i, j) = (n, m)
        while i > 0 || j > 0 {
            if i > 0, j > 0, cost[i][j] == cost[i - 1][j - 1] + (expected[i - 1] == read[j - 1] ? 0 : 1) {
                matched[i - 1] = expected[i - 1] == read[j - 1]
                i -= 1; j -= 1
            } else if i > 0, cost[i][j] == cost[i - 1][j] + 1 {
                i -= 1
            } else {
                extras += 1
                j -= 1
            }
        }
        return (matched, extras)
    }
}

extension DevSetScore.Tally {
    mutating func merge(_ other: Self) {
        images += other.images; exact += other.exact
        expectedDigits += other.expectedDigits; hits += other.hits; extras += other.extras
    }
}
