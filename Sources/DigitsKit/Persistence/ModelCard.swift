import Foundation

/// Everything a person needs to know about a model file without loading its weights: what it
/// is, how it was trained, on what, and how well it did. Stored as JSON in the safetensors
/// `__metadata__` under the key `digits.card`.
public struct ModelCard: Sendable, Codable, Equatable {
    public static let currentFormatVersion = 1

    public var formatVersion: Int
    /// What was trained, as `digits train` names it, e.g. "logreg" or "pca-svc".
    public var kind: String
    /// The classifier component at the end of the pipeline, e.g. "svc" for "pca-svc".
    public var classifier: String
    public var parameters: JSONValue
    public var transforms: [ComponentDescription]
    /// Set for a one-digit detector ("is it a 7?"): the digit that is class 1.
    public var positive: Int?
    public var training: TrainingRecord?
    /// Named scores, e.g. "test_accuracy".
    public var metrics: [String: Double]
    /// ISO 8601, UTC.
    public var createdAt: String
    public var software: String

    public struct ComponentDescription: Sendable, Codable, Equatable {
        public var kind: String
        public var configuration: JSONValue
    }

    public struct TrainingRecord: Sendable, Codable, Equatable {
        /// FNV-1a of the training pixels and labels: tells whether two models saw the same data.
        public var dataFingerprint: String
        public var split: String
        public var seed: UInt64
        public var trainingSamples: Int
        public var fitSeconds: Double
        public var summary: FitSummary
    }

    public init(kind: String, classifier: String, parameters: JSONValue, transforms: [ComponentDescription],
                training: TrainingRecord?, metrics: [String: Double], positive: Int? = nil, createdAt: Date = Date()) {
        self.formatVersion = Self.currentFormatVersion
        self.kind = kind
        self.classifier = classifier
        self.parameters = parameters
        self.transforms = transforms
        self.training = training
        self.metrics = metrics
        self.positive = positive
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        self.createdAt = formatter.string(from: createdAt)
        self.software = "digits \(DigitsVersion.current)"
    }
}

public enum DigitsVersion {
    public static let current = "0.1.0"
}

extension Dataset {
    /// FNV-1a (64-bit) over the pixels then the labels, as 16 hex digits.
    public func fingerprint() -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for buffer in [pixels, labels] {
            buffer.withUnsafeBufferPointer { bytes in
                for byte in bytes {
                    hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
                }
            }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
