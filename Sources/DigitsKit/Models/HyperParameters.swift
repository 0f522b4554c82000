import Foundation

/// What one hyper-parameter may hold, checked when a model starts fitting (never in `init`),
/// so values decoded from the command line, JSON or a model card are all checked the same way.
public struct ParameterSpec: Sendable {
    public enum Domain: Sendable {
        /// A real number; `nil` bounds are unbounded.
        case real(min: Double?, max: Double?, minInclusive: Bool = true, maxInclusive: Bool = true)
        /// A whole number in `min...max` (`nil` max is unbounded).
        case integer(min: Int, max: Int? = nil)
        /// One of a fixed set of words.
        case choice([String])
        case boolean
        /// Free, non-empty text that the model parses itself (a network architecture).
        case text
        /// One of a set of words or a real number (scikit-learn's `gamma="scale"` or `gamma=0.01`).
        case choiceOrReal([String], min: Double?, minInclusive: Bool)
    }

    public let name: String
    public let domain: Domain
    public let help: String

    public init(_ name: String, _ domain: Domain, help: String) {
        self.name = name
        self.domain = domain
        self.help = help
    }
}

/// Hyper-parameters of a model: a `Codable` struct whose fields carry scikit-learn's names
/// (in Swift casing) and whose `specs` table states what each may hold.
public protocol HyperParameters: Codable, Sendable, Equatable {
    /// The scikit-learn-style name used in messages, e.g. "LogisticRegression".
    static var modelName: String { get }
    static var specs: [ParameterSpec] { get }
    /// The defaults.
    init()
}

/// A hyper-parameter that was misspelt, malformed or out of range.
public enum ParameterError: Error, Equatable, CustomStringConvertible {
    case unknown(model: String, name: String, suggestion: String?, known: [String])
    case malformed(assignment: String)
    case invalid(model: String, name: String, expected: String, got: String)
    /// A valid value that this machine cannot run (bfloat16 without AVX512-BF16).
    case unsupported(model: String, name: String, value: String, reason: String)

    public var description: String {
        switch self {
        case let .unknown(model, name, suggestion, known):
            let hint = suggestion.map { " Did you mean '\($0)'?" } ?? ""
            return "\(model) has no parameter '\(name)'.\(hint) Its parameters are: \(known.joined(separator: ", "))."
        case let .malformed(assignment):
            return "'\(assignment)' is not a parameter assignment; write NAME=VALUE, e.g. C=0.5"
        case let .invalid(model, name, expected, got):
            return "The '\(name)' parameter of \(model) must be \(expected). Got \(got)."
        case let .unsupported(model, name, value, reason):
            return "The '\(name)' parameter of \(model) cannot be '\(value)' here: \(reason)."
        }
    }
}

extension HyperParameters {
    /// The defaults with `NAME=VALUE` assignments applied, checked against `specs`.
    public static func parse(_ assignments: [String]) throws(ParameterError) -> Self {
        try parse(assignments, over: Self())
    }

    /// `base` with `NAME=VALUE` assignments applied, checked against `specs` (presets start
    /// from their own defaults).
    public static func parse(_ assignments: [String], over base: Self) throws(ParameterError) -> Self {
        var values = base.jsonObject()
        for assignment in assignments {
            guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
                throw .malformed(assignment: assignment)
            }
            let name = String(assignment[..<equals]).trimmingCharacters(in: .whitespaces)
            let text = String(assignment[assignment.index(after: equals)...]).trimmingCharacters(in: .whitespaces)
            guard let spec = specs.first(where: { $0.name == name }) else {
                throw unknownParameter(name)
            }
            values[name] = try spec.parseValue(text, model: modelName)
        }
        let decoded: Self
        do {
            let data = try JSONSerialization.data(withJSONObject: values)
            decoded = try JSONDecoder().decode(Self.self, from: data)
        } catch {
            throw .malformed(assignment: assignments.joined(separator: " "))
        }
        try decoded.validate()
        return decoded
    }

    /// Checks every field against its spec; call at the start of `fit`.
    public func validate() throws(ParameterError) {
        let values = jsonObject()
        for spec in Self.specs {
            guard let value = values[spec.name] else { continue }
            try spec.check(value, model: Self.modelName)
        }
    }

    /// The parameters as a JSON-compatible dictionary (for model cards and `--json`).
    public func jsonObject() -> [String: Any] {
        guard let data = try? JSONEncoder().encode(self),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return [:] }
        return object
    }

    /// `name=value` pairs in spec order, for human output.
    public var summary: String {
        let values = try? JSONValue(encoding: self)
        return Self.specs.compactMap { spec in
            values?[spec.name].map { "\(spec.name)=\($0.text)" }
        }.joined(separator: " ")
    }

    static func unknownParameter(_ name: String) -> ParameterError {
        let known = specs.map(\.name)
        let suggestion = known.min { editDistance($0.lowercased(), name.lowercased()) < editDistance($1.lowercased(), name.lowercased()) }
            .flatMap { editDistance($0.lowercased(), name.lowercased()) <= max(2, name.count / 3) ? $0 : nil }
        return .unknown(model: modelName, name: name, suggestion: suggestion, known: known)
    }
}

extension ParameterSpec {
    /// Turns command-line text into the JSON value the struct decodes.
    func parseValue(_ text: String, model: String) throws(ParameterError) -> Any {
        switch domain {
        case .real:
            guard let value = Double(text), value.isFinite else {
                throw .invalid(model: model, name: name, expected: expectation, got: "'\(text)'")
            }
            return value
        case .integer:
            guard let value = Int(text) else {
                throw .invalid(model: model, name: name, expected: expectation, got: "'\(text)'")
            }
            return value
        case .choice, .text:
            return text
        case .boolean:
            switch text.lowercased() {
            case "true", "1", "yes": return true
            case "false", "0", "no": return false
            default: throw .invalid(model: model, name: name, expected: expectation, got: "'\(text)'")
            }
        case let .choiceOrReal(words, _, _):
            if words.contains(text) { return text }
            guard let value = Double(text), value.isFinite else {
                throw .invalid(model: model, name: name, expected: expectation, got: "'\(text)'")
            }
            return value
        }
    }

    func check(_ value: Any, model: String) throws(ParameterError) {
        let ok: Bool
        switch domain {
        case let .real(min, max, minInclusive, maxInclusive):
            ok = (value as? Double).map { Self.inRange($0, min, max, minInclusive, maxInclusive) } ?? false
        case let .integer(min, max):
            ok = (value as? Int).map { v in v >= min && (max.map { v <= $0 } ?? true) } ?? false
        case let .choice(words):
            ok = (value as? String).map(words.contains) ?? false
        case .boolean:
            ok = value is Bool
        case .text:
            ok = (value as? String).map { !$0.isEmpty } ?? false
        case let .choiceOrReal(words, min, minInclusive):
            if let word = value as? String { ok = words.contains(word) }
            else { ok = (value as? Double).map { Self.inRange($0, min, nil, minInclusive, true) } ?? false }
        }
        if !ok { throw .invalid(model: model, name: name, expected: expectation, got: "\(value)") }
    }

    private static func inRange(_ x: Double, _ min: Double?, _ max: Double?, _ minInclusive: Bool, _ maxInclusive: Bool) -> Bool {
        guard x.isFinite else { return false }
        if let min, minInclusive ? x < min : x <= min { return false }
        if let max, maxInclusive ? x > max : x >= max { return false }
        return true
    }

    /// "a float in (0, ∞)", "an int in [1, ∞)", "one of 'rbf', 'linear'".
    public var expectation: String {
        func interval(_ min: Double?, _ max: Double?, _ minInclusive: Bool, _ maxInclusive: Bool) -> String {
            let low = min.map { (minInclusive ? "[" : "(") + format($0) } ?? "(-∞"
            let high = max.map { format($0) + (maxInclusive ? "]" : ")") } ?? "∞)"
            return "\(low), \(high)"
        }
        switch domain {
        case let .real(min, max, minInclusive, maxInclusive):
            return "a float in \(interval(min, max, minInclusive, maxInclusive))"
        case let .integer(min, max):
            return "an int in [\(min), \(max.map { "\($0)]" } ?? "∞)")"
        case let .choice(words):
            return "one of " + words.map { "'\($0)'" }.joined(separator: ", ")
        case .boolean:
            return "true or false"
        case .text:
            return "a non-empty text"
        case let .choiceOrReal(words, min, minInclusive):
            return "one of " + words.map { "'\($0)'" }.joined(separator: ", ") + " or a float in " + interval(min, nil, minInclusive, true)
        }
    }

    private func format(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}

/// Levenshtein distance, for "did you mean" hints on misspelt parameter names.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
