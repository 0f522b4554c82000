import Foundation

/// How many features a split looks at (scikit-learn's `max_features`).
///
/// scikit-learn tells a count (`int`) from a fraction (`float`) by type; on the command line
/// both are numbers, so here a value below 1 is a fraction of the features and a value of 1 or
/// more is a count (`maxFeatures=1` is one feature; every feature is `all`).
public enum MaxFeatures: Codable, Sendable, Equatable, CustomStringConvertible {
    case sqrt, log2, all
    case number(Double)

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let word = try? container.decode(String.self) {
            switch word {
            case "sqrt": self = .sqrt
            case "log2": self = .log2
            case "all": self = .all
            default:
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown maxFeatures '\(word)'")
            }
        } else {
            self = .number(try container.decode(Double.self))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .number(let value): try container.encode(value)
        default: try container.encode(description)
        }
    }

    public var description: String {
        switch self {
        case .sqrt: return "sqrt"
        case .log2: return "log2"
        case .all: return "all"
        case .number(let value): return "\(value)"
        }
    }

    /// The number of features each split draws, or nil when a count is fractional or exceeds
    /// `featureCount`.
    public func count(featureCount: Int) -> Int? {
        switch self {
        case .sqrt: return max(1, Int(Double(featureCount).squareRoot()))
        case .log2: return max(1, Int(Foundation.log2(Double(max(featureCount, 1)))))
        case .all: return featureCount
        case .number(let value) where value < 1: return max(1, Int(value * Double(featureCount)))
        case .number(let value):
            guard value == value.rounded(), value <= Double(featureCount) else { return nil }
            return Int(value)
        }
    }
}

/// Hyper-parameters of one decision tree (scikit-learn's `DecisionTreeClassifier`).
///
/// `maxDepth` is optional: absent (the default) grows until leaves are pure, as scikit-learn's
/// `max_depth=None`; a depth of 0 is rejected rather than read as "unlimited".
public struct TreeParameters: HyperParameters {
    public static let modelName = "DecisionTreeClassifier"
    public static var specs: [ParameterSpec] { treeSpecs }

    /// The knobs every tree-growing model shares.
    static let treeSpecs: [ParameterSpec] = [
        ParameterSpec("criterion", .choice(["gini", "entropy"]), help: "impurity a split minimises"),
        ParameterSpec("maxDepth", .integer(min: 1), help: "deepest a tree may grow (absent: unlimited)"),
        ParameterSpec("minSamplesSplit", .integer(min: 2), help: "fewest samples a node needs to be split"),
        ParameterSpec("minSamplesLeaf", .integer(min: 1), help: "fewest samples each child of a split must keep"),
        ParameterSpec("maxFeatures", .choiceOrReal(["sqrt", "log2", "all"], min: 0, minInclusive: false),
                      help: "features drawn per split: sqrt, log2, all, a fraction below 1 or a count"),
    ]

    public var criterion: String
    public var maxDepth: Int?
    public var minSamplesSplit: Int
    public var minSamplesLeaf: Int
    public var maxFeatures: MaxFeatures

    public init() {
        self.init(criterion: "gini", maxDepth: nil, minSamplesSplit: 2, minSamplesLeaf: 1, maxFeatures: .all)
    }

    public init(criterion: String, maxDepth: Int?, minSamplesSplit: Int, minSamplesLeaf: Int, maxFeatures: MaxFeatures) {
        self.criterion = criterion
        self.maxDepth = maxDepth
        self.minSamplesSplit = minSamplesSplit
        self.minSamplesLeaf = minSamplesLeaf
        self.maxFeatures = maxFeatures
    }
}

/// What tells a random forest from extra trees: names, defaults and how thresholds are chosen.
public protocol ForestVariant: Sendable {
    static var kind: String { get }
    static var modelName: String { get }
    static var bootstrapByDefault: Bool { get }
    /// Extra trees draw one random threshold per feature instead of searching for the best.
    static var randomThresholds: Bool { get }
}

/// Hyper-parameters of a forest (scikit-learn's `RandomForestClassifier` / `ExtraTreesClassifier`).
///
/// `maxSamples` (bootstrap only) follows `maxFeatures`' rule: below 1 a fraction of the training
/// set, from 1 up a count; absent means as many draws as training samples. `nJobs` caps the
/// worker threads (absent: every core).
public struct ForestParameters<Variant: ForestVariant>: HyperParameters {
    public static var modelName: String { Variant.modelName }
    public static var specs: [ParameterSpec] {
        TreeParameters.treeSpecs + [
            ParameterSpec("nEstimators", .integer(min: 1), help: "number of trees"),
            ParameterSpec("bootstrap", .boolean, help: "grow each tree on a bootstrap sample"),
            ParameterSpec("maxSamples", .real(min: 0, max: nil, minInclusive: false),
                          help: "bootstrap draws per tree: a fraction below 1 or a count (absent: all)"),
            ParameterSpec("nJobs", .integer(min: 1), help: "most trees grown at once (absent: every core)"),
        ]
    }

    public var criterion: String
    public var maxDepth: Int?
    public var minSamplesSplit: Int
    public var minSamplesLeaf: Int
    public var maxFeatures: MaxFeatures
    public var nEstimators: Int
    public var bootstrap: Bool
    public var maxSamples: Double?
    public var nJobs: Int?

    public init() {
        criterion = "gini"
        maxDepth = nil
        minSamplesSplit = 2
        minSamplesLeaf = 1
        maxFeatures = .sqrt
        nEstimators = 100
        bootstrap = Variant.bootstrapByDefault
        maxSamples = nil
        nJobs = nil
    }

    /// The knobs of each tree of the forest.
    public var tree: TreeParameters {
        TreeParameters(criterion: criterion, maxDepth: maxDepth, minSamplesSplit: minSamplesSplit,
                       minSamplesLeaf: minSamplesLeaf, maxFeatures: maxFeatures)
    }
}
