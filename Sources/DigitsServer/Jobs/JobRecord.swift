import DigitsKit
import Foundation

/// Where a training job is in its life.
public enum JobState: String, Codable, Sendable {
    case queued, running, succeeded, failed, cancelled

    public var isFinished: Bool { self == .succeeded || self == .failed || self == .cancelled }
}

/// What `POST /api/jobs` asks for: the fields of `digits train`.
public struct JobRequest: Codable, Sendable, Equatable {
    public var kind: String
    /// Hyper-parameters by name, as `--param NAME=VALUE` would give them.
    public var parameters: [String: String]
    /// Epochs for networks (the kind's `epochs` or `maxIter`); nil keeps the kind's default.
    public var epochs: Int?
    public var seed: UInt64
    public var split: String

    public init(kind: String, parameters: [String: String] = [:], epochs: Int? = nil, seed: UInt64 = 0,
                split: String = "standard") {
        self.kind = kind
        self.parameters = parameters
        self.epochs = epochs
        self.seed = seed
        self.split = split
    }

    enum CodingKeys: String, CodingKey { case kind, parameters, epochs, seed, split }

    /// Missing fields take `digits train`'s defaults; present ones must have the right type.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kind = try container.decode(String.self, forKey: .kind)
        parameters = try container.decodeIfPresent([String: String].self, forKey: .parameters) ?? [:]
        epochs = try container.decodeIfPresent(Int.self, forKey: .epochs)
        seed = try container.decodeIfPresent(UInt64.self, forKey: .seed) ?? 0
        split = try container.decodeIfPresent(String.self, forKey: .split) ?? "standard"
    }

    /// `NAME=VALUE` assignments in a stable order, with `epochs` as the kind's own parameter.
    func assignments(for kind: ModelKind) -> [String] {
        let given = parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        guard let epochs, let name = kind.epochsParameter else { return given }
        return given + ["\(name)=\(epochs)"]
    }
}

/// How a finished job scored: the numbers the Train page's report shows.
public struct JobResult: Codable, Sendable, Equatable {
    public var testAccuracy: Double
    public var validationAccuracy: Double?
    public var fitSeconds: Double
    public var test: ClassificationReport
    public var validation: ClassificationReport?

    enum CodingKeys: String, CodingKey {
        case testAccuracy = "test_accuracy", validationAccuracy = "validation_accuracy", fitSeconds = "fit_seconds"
        case test, validation
    }
}

/// One training job as the history keeps it and the API shows it.
public struct JobRecord: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var request: JobRequest
    public var state: JobState
    public var created: Date
    public var started: Date?
    public var finished: Date?
    /// Why the job failed, or how far a cancelled one got.
    public var message: String?
    public var epochs: [EpochReport]
    public var result: JobResult?
    /// The model file it was saved as, once saved.
    public var savedAs: String?

    public init(id: String, request: JobRequest, created: Date = Date()) {
        self.id = id
        self.request = request
        self.state = .queued
        self.created = created
        self.epochs = []
    }

    enum CodingKeys: String, CodingKey {
        case id, request, state, created, started, finished, message, epochs, result
        case savedAs = "saved_as"
    }
}
