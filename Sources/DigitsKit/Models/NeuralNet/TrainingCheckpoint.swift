import Foundation

/// Where a training run stands between batches: enough to continue it exactly (same batches,
/// same dropout masks, same optimiser moments) after an interruption.
struct TrainingProgress: Codable, Equatable {
    /// 0-based epoch being run, and the next batch within it.
    var epoch = 0
    var batch = 0
    /// The shuffle generator's state at the start of `epoch` (UInt64 as text: JSON numbers are doubles).
    var shuffleState: String
    var dropoutStates: [String] = []
    var optimizerStep = 0
    /// Sums over the batches of `epoch` done so far.
    var lossSum = 0.0
    var correct = 0
    var seen = 0
    var seconds = 0.0
    var history: [EpochReport] = []
    /// Early stopping and plateau bookkeeping.
    var bestScore = -1.0
    var bestLoss = Double.greatestFiniteMagnitude
    var epochsWithoutImprovement = 0
    var finished = false
    var stopReason = ""
    /// Identifies the run (architecture, recipe, data size, seed): a checkpoint of another run is refused.
    var fingerprint: String
}

/// A checkpoint file: the progress as JSON metadata, and the parameters, optimiser moments and
/// best-so-far parameters as tensors, written atomically so a crash never leaves half a file.
struct TrainingCheckpoint {
    var progress: TrainingProgress
    var values: [Float]
    var state: [Float]
    var optimizer: OptimizerState
    var best: (values: [Float], state: [Float])?

    static let metadataKey = "digits.training_progress"

    func write(to url: URL) throws {
        var tensors = [
            "values": try Tensor(values, shape: [values.count]),
            "state": try Tensor(state, shape: [state.count]),
            "optimizer.first": try Tensor(optimizer.first, shape: [optimizer.first.count]),
            "optimizer.second": try Tensor(optimizer.second, shape: [optimizer.second.count]),
        ]
        if let best {
            tensors["best.values"] = try Tensor(best.values, shape: [best.values.count])
            tensors["best.state"] = try Tensor(best.state, shape: [best.state.count])
        }
        var progress = progress
        progress.optimizerStep = optimizer.step
        let json = String(decoding: try JSONEncoder.stable.encode(progress), as: UTF8.self)
        try SafeTensorsFile(tensors: tensors, metadata: [Self.metadataKey: json]).write(to: url)
    }

    /// Reads a checkpoint and checks it belongs to the run `fingerprint` with these sizes.
    static func read(from url: URL, fingerprint: String, count: Int, stateCount: Int,
                     optimizer fresh: OptimizerState) throws -> TrainingCheckpoint {
        let file = try SafeTensorsFile.read(from: url)
        func fail(_ detail: String) -> NeuralNetworkError { .badCheckpoint(path: url.path, detail: detail) }
        guard let json = file.metadata[metadataKey],
              let progress = try? JSONDecoder().decode(TrainingProgress.self, from: Data(json.utf8)) else {
            throw fail("it is not a Digits training checkpoint")
        }
        guard progress.fingerprint == fingerprint else {
            throw fail("it was saved by a different run (\(progress.fingerprint)); this run is \(fingerprint)")
        }
        func floats(_ name: String, _ expected: Int) throws -> [Float] {
            guard let tensor = file.tensors[name], tensor.shape == [expected] else { throw fail("tensor '\(name)' is missing or has the wrong size") }
            return try tensor.floats()
        }
        let optimizer = OptimizerState(step: progress.optimizerStep, first: try floats("optimizer.first", fresh.first.count),
                                       second: try floats("optimizer.second", fresh.second.count))
        var best: ([Float], [Float])?
        if file.tensors["best.values"] != nil {
            best = (try floats("best.values", count), try floats("best.state", stateCount))
        }
        guard UInt64(progress.shuffleState) != nil, progress.dropoutStates.allSatisfy({ UInt64($0) != nil }),
              progress.batch >= 0, progress.epoch >= 0 else {
            throw fail("its progress record is damaged")
        }
        return TrainingCheckpoint(progress: progress, values: try floats("values", count), state: try floats("state", stateCount),
                                  optimizer: optimizer, best: best)
    }
}

public enum NeuralNetworkError: Error, Equatable, CustomStringConvertible {
    case badCheckpoint(path: String, detail: String)

    public var description: String {
        switch self {
        case let .badCheckpoint(path, detail):
            return "cannot resume from \(path): \(detail); delete it or run without --resume to start afresh"
        }
    }
}
