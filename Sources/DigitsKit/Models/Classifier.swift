import Foundation

/// A model that learns from feature rows and gives class probabilities.
///
/// `predict` is the argmax of `probabilities`, so the two can never disagree. Hyper-parameters
/// are checked at the start of `fit`, and using a model before `fit` is a `.notFitted` error.
public protocol Classifier: Sendable {
    associatedtype Parameters: HyperParameters

    /// The name used on the command line and in model files, e.g. "logreg".
    static var kind: String { get }
    var parameters: Parameters { get }
    var isFitted: Bool { get }

    init(parameters: Parameters)

    /// Learns from `x` (one row per sample) and `labels` (0–9, one per row).
    mutating func fit(_ x: Matrix, labels: [Int], options: FitOptions) throws -> FitSummary

    /// An N×10 matrix: row i holds the probability of each digit for row i of `x`, summing to 1.
    func probabilities(_ x: Matrix) throws -> Matrix
}

extension Classifier {
    /// The checks every `fit` starts with, before any work: the hyper-parameters, then the rows
    /// and labels.
    func checkFit(_ x: Matrix, labels: [Int]) throws {
        try parameters.validate()
        try checkTrainingInput(x, labels: labels)
    }

    /// The most probable digit of each row.
    public func predict(_ x: Matrix) throws -> [Int] {
        try probabilities(x).argmaxPerRow()
    }
}

/// Knobs every `fit` takes besides its hyper-parameters.
public struct FitOptions: Sendable {
    /// Seeds every random choice the model makes.
    public var seed: UInt64
    /// Called now and then while fitting (from the fitting thread); cheap to ignore.
    public var progress: (@Sendable (FitProgress) -> Void)?
    /// Held-out rows (already transformed like the training rows) that models trained in epochs
    /// score after each epoch and may stop early on; models that do not need it ignore it.
    public var validation: LabelledRows?
    /// Where models trained in epochs save a checkpoint after every epoch (and on `shouldStop`).
    public var checkpoint: URL?
    /// Continue from `checkpoint` when it exists, instead of starting afresh.
    public var resume: Bool
    /// Polled between steps; returning true makes long fits save a checkpoint and stop with
    /// an `interrupted` error (the CLI wires it to Ctrl-C).
    public var shouldStop: (@Sendable () -> Bool)?
    /// The fit is the only work in the process (the CLI's `train`), so it may reconfigure
    /// process-wide resources: the network trainer switches OpenBLAS to one thread and runs one
    /// replica per core. False where fits share the process (tests, servers, benchmarks), where
    /// that switch would change other fits' BLAS results and speed.
    public var exclusive: Bool

    public init(seed: UInt64 = 0, progress: (@Sendable (FitProgress) -> Void)? = nil, validation: LabelledRows? = nil,
                checkpoint: URL? = nil, resume: Bool = false, shouldStop: (@Sendable () -> Bool)? = nil,
                exclusive: Bool = false) {
        self.seed = seed
        self.progress = progress
        self.validation = validation
        self.checkpoint = checkpoint
        self.resume = resume
        self.shouldStop = shouldStop
        self.exclusive = exclusive
    }
}

/// Feature rows with their digit labels.
public struct LabelledRows: Sendable {
    public var x: Matrix
    public var labels: [Int]

    public init(x: Matrix, labels: [Int]) {
        self.x = x
        self.labels = labels
    }
}

/// A progress report from inside `fit`.
public struct FitProgress: Sendable {
    public var step: Int
    /// The most steps `fit` will take, when known.
    public var totalSteps: Int?
    public var loss: Double?
    public var note: String?
    /// Set once per finished epoch by models trained in epochs (`step` then counts epochs).
    public var epoch: EpochReport?

    public init(step: Int, totalSteps: Int?, loss: Double? = nil, note: String? = nil, epoch: EpochReport? = nil) {
        self.step = step
        self.totalSteps = totalSteps
        self.loss = loss
        self.note = note
        self.epoch = epoch
    }
}

/// One finished training epoch.
public struct EpochReport: Sendable, Codable, Equatable {
    /// 1-based.
    public var epoch: Int
    public var epochs: Int
    public var seconds: Double
    /// Mean training loss over the epoch's batches.
    public var loss: Double
    public var trainAccuracy: Double
    /// nil when there is no validation set.
    public var validationAccuracy: Double?
    public var learningRate: Double

    enum CodingKeys: String, CodingKey {
        case epoch, epochs, seconds, loss
        case trainAccuracy = "train_accuracy", validationAccuracy = "validation_accuracy", learningRate = "learning_rate"
    }
}

/// What `fit` did: how long it ran and how it ended.
public struct FitSummary: Sendable, Codable, Equatable {
    public var iterations: Int
    public var finalLoss: Double?
    public var converged: Bool
    /// Why fitting stopped, in words ("gradient below tol", "maxIter reached").
    public var stopReason: String
    /// True for a network that ran the epochs its schedule planned, with no convergence test
    /// to pass (no early stopping, no tol): "not converged" would mislead there.
    public var ranPlannedEpochs: Bool?

    public init(iterations: Int, finalLoss: Double?, converged: Bool, stopReason: String, ranPlannedEpochs: Bool? = nil) {
        self.iterations = iterations
        self.finalLoss = finalLoss
        self.converged = converged
        self.stopReason = stopReason
        self.ranPlannedEpochs = ranPlannedEpochs
    }

    /// "converged", "NOT converged" or "ran the planned N epochs", for people.
    public var outcome: String {
        ranPlannedEpochs == true ? "ran the planned \(iterations) epochs" : converged ? "converged" : "NOT converged"
    }
}

public enum ClassifierError: Error, Equatable, CustomStringConvertible {
    case notFitted(kind: String)
    case featureCountMismatch(kind: String, expected: Int, got: Int)
    case emptyTrainingSet
    case labelCountMismatch(rows: Int, labels: Int)
    case labelOutOfRange(Int)
    case diverged(kind: String, detail: String)
    /// `shouldStop` asked the fit to stop; its state is saved in `checkpoint` when there is one.
    case interrupted(kind: String, checkpoint: String?, epoch: Int)
    case nonFiniteInput(kind: String)

    public var description: String {
        switch self {
        case let .notFitted(kind):
            return "the \(kind) model has not been fitted yet; call fit before predicting"
        case let .featureCountMismatch(kind, expected, got):
            return "the \(kind) model expects \(expected) features per sample, got \(got)"
        case .emptyTrainingSet:
            return "cannot fit on an empty training set"
        case let .labelCountMismatch(rows, labels):
            return "\(rows) training rows but \(labels) labels"
        case let .labelOutOfRange(label):
            return "label \(label) is not a digit 0–9"
        case let .diverged(kind, detail):
            return "fitting \(kind) diverged: \(detail)"
        case let .interrupted(kind, checkpoint, epoch):
            let saved = checkpoint.map { "; its state is saved in \($0): run again with --resume to continue" } ?? ""
            return "training \(kind) was interrupted during epoch \(epoch)\(saved)"
        case let .nonFiniteInput(kind):
            return "the \(kind) model was given an infinite or NaN feature value; features must be finite"
        }
    }
}

/// Shared argument checks for `fit` implementations.
func checkTrainingInput(_ x: Matrix, labels: [Int]) throws(ClassifierError) {
    guard x.rows > 0 else { throw .emptyTrainingSet }
    guard x.rows == labels.count else { throw .labelCountMismatch(rows: x.rows, labels: labels.count) }
    if let bad = labels.first(where: { !(0..<Dataset.classCount).contains($0) }) {
        throw .labelOutOfRange(bad)
    }
}
