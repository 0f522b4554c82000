/// The hyper-parameter values a search tries: `--grid 'nNeighbors=1,3,5' --grid 'weights=uniform,distance'`.
///
/// Combinations are enumerated like scikit-learn's `ParameterGrid` but in the order the axes
/// were given (scikit-learn sorts them by name): the last axis varies fastest.
public struct ParameterGrid: Sendable, Equatable {
    public struct Axis: Sendable, Equatable {
        public let name: String
        public let values: [String]
    }

    public let axes: [Axis]

    public init(axes: [Axis]) {
        self.axes = axes
    }

    /// Parses `NAME=V1,V2,…` specifications; names must be distinct and value lists non-empty.
    public init(parsing specifications: [String]) throws(ParameterGridError) {
        var axes: [Axis] = []
        for text in specifications {
            guard let equals = text.firstIndex(of: "="), equals != text.startIndex else { throw .malformed(text) }
            let name = String(text[..<equals]).trimmingCharacters(in: .whitespaces)
            let values = text[text.index(after: equals)...].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            guard !values.isEmpty, !values.contains("") else { throw .malformed(text) }
            guard !axes.contains(where: { $0.name == name }) else { throw .repeated(name) }
            axes.append(Axis(name: name, values: values))
        }
        guard !axes.isEmpty else { throw .empty }
        self.axes = axes
    }

    public var count: Int { axes.reduce(1) { $0 * $1.values.count } }

    /// The `index`-th combination as `NAME=VALUE` assignments, one per axis.
    public func combination(_ index: Int) -> [String] {
        var rest = index
        var chosen = [String](repeating: "", count: axes.count)
        for (position, axis) in axes.enumerated().reversed() {
            chosen[position] = "\(axis.name)=\(axis.values[rest % axis.values.count])"
            rest /= axis.values.count
        }
        return chosen
    }

    public var combinations: [[String]] { (0..<count).map(combination) }

    /// `n` distinct combinations drawn at random with `seed` (all of them, in grid order, when
    /// `n` covers the grid), like scikit-learn's `ParameterSampler` over lists.
    public func sample(_ n: Int, seed: UInt64) -> [[String]] {
        guard n < count else { return combinations }
        var indices = Array(0..<count)
        var rng = SplitMix64(seed: seed)
        // A partial Fisher–Yates shuffle: the first n positions are a uniform sample.
        for i in 0..<n {
            let j = i + Int(rng.next() % UInt64(count - i))
            indices.swapAt(i, j)
        }
        return indices[..<n].map(combination)
    }
}

public enum ParameterGridError: Error, Equatable, CustomStringConvertible {
    case malformed(String)
    case repeated(String)
    case empty

    public var description: String {
        switch self {
        case let .malformed(text): return "'\(text)' is not a grid axis; write NAME=V1,V2,… e.g. C=0.1,1,10"
        case let .repeated(name): return "the grid names '\(name)' twice; give all its values in one --grid"
        case .empty: return "give at least one --grid NAME=V1,V2,…"
        }
    }
}
