import CBLAS
import Foundation

/// The mini-batch training loop of `NeuralNetwork.fit`: seeded shuffling, per-epoch loss and
/// accuracies, early stopping with restore-best, a checkpoint after every epoch, resume, and a
/// clean stop on request or on a non-finite loss.
struct NetworkTrainer {
    let parameters: NeuralNetwork.Parameters
    let network: Network
    /// `network` and its data-parallel replicas, one per core when the fit owns the process.
    private let replicas: ReplicatedNetwork
    let options: FitOptions
    private let x: Matrix
    private let labels: [Int]
    private let validation: LabelledRows?
    private let optimizer: any Optimizer
    private var optimizerState: OptimizerState
    private(set) var progress: TrainingProgress
    private var best: (values: [Float], state: [Float])?

    init(parameters: NeuralNetwork.Parameters, architecture: Architecture, x: Matrix, labels: [Int], options: FitOptions) throws {
        self.parameters = parameters
        self.options = options
        var random = SplitMix64(seed: options.seed)
        var initRandom = random.split()
        let shuffleSeed = random.next(), dropoutSeed = random.next(), carveSeed = random.next()
        // Early stopping without a validation set holds out a stratified share of the training
        // set, as scikit-learn's MLPClassifier(early_stopping=True) does.
        if parameters.earlyStopping, options.validation == nil {
            let held = max(1, Int((Double(x.rows) * parameters.validationFraction).rounded()))
            guard held < x.rows else { throw ClassifierError.emptyTrainingSet }
            let parts = stratifiedPartition(labels: labels.map { UInt8($0) }, sizes: [x.rows - held, held], seed: carveSeed)
            self.x = x.rows(at: parts[0])
            self.labels = parts[0].map { labels[$0] }
            validation = LabelledRows(x: x.rows(at: parts[1]), labels: parts[1].map { labels[$0] })
        } else {
            self.x = x
            self.labels = labels
            validation = options.validation
        }
        replicas = try ReplicatedNetwork(architecture, dropoutSeed: dropoutSeed, count: options.exclusive ? workerCount : 1,
                                          precision: parameters.matrixPrecision, labelSmoothing: Float(parameters.labelSmoothing ?? 0))
        network = replicas.primary
        parameters.weightInitializer.initialize(network.store, random: &initRandom)
        optimizer = parameters.makeOptimizer()
        optimizerState = optimizer.newState(count: network.store.count)
        let recipe = String(decoding: (try? JSONEncoder.stable.encode(parameters)) ?? Data(), as: UTF8.self)
        progress = TrainingProgress(shuffleState: String(shuffleSeed),
                                    dropoutStates: replicas.dropoutStates.map { String($0) },
                                    fingerprint: "\(recipe) n=\(self.x.rows) seed=\(options.seed)")
        if options.resume, let url = options.checkpoint, FileManager.default.fileExists(atPath: url.path) {
            try restore(from: url)
        }
    }

    private mutating func restore(from url: URL) throws {
        let checkpoint = try TrainingCheckpoint.read(from: url, fingerprint: progress.fingerprint, count: network.store.count,
                                                     stateCount: network.store.stateCount, optimizer: optimizerState)
        _ = network.store.load(values: checkpoint.values, state: checkpoint.state)
        optimizerState = checkpoint.optimizer
        progress = checkpoint.progress
        best = checkpoint.best
        replicas.dropoutStates = progress.dropoutStates.compactMap { UInt64($0) }
    }

    private func saveCheckpoint() throws {
        guard let url = options.checkpoint else { return }
        var progress = progress
        progress.dropoutStates = replicas.dropoutStates.map { String($0) }
        try TrainingCheckpoint(progress: progress, values: network.store.valueArray, state: network.store.stateArray,
                               optimizer: optimizerState, best: best).write(to: url)
    }

    mutating func run() throws -> FitSummary {
        let epochs = parameters.epochs
        let batchSize = min(parameters.batchSize, x.rows)
        let batches = (x.rows + batchSize - 1) / batchSize
        let store = network.store
        let schedule = parameters.learningRateSchedule
        let augmentation = parameters.augmentation
        replicas.reserve(batch: batchSize)
        // The replicas are the parallelism; BLAS threads on top would only fight them for cores.
        let blasThreads = openblas_get_num_threads()
        if replicas.count > 1 { openblas_set_num_threads(1) }
        defer { openblas_set_num_threads(blasThreads) }
        while !progress.finished, progress.epoch < epochs {
            let start = DispatchTime.now()
            var shuffler = SplitMix64(seed: UInt64(progress.shuffleState) ?? 0)
            var order = Array(0..<x.rows)
            order.seededShuffle(using: &shuffler)
            var rate = parameters.learningRate
            for batch in progress.batch..<batches {
                if options.shouldStop?() == true {
                    progress.batch = batch
                    progress.seconds += secondsSince(start)
                    try saveCheckpoint()
                    throw ClassifierError.interrupted(kind: NeuralNetwork.kind, checkpoint: options.checkpoint?.path,
                                                      epoch: progress.epoch + 1)
                }
                let rows = order[(batch * batchSize)..<min(x.rows, (batch + 1) * batchSize)]
                let count = rows.count
                // The batch's distortions follow from (seed, epoch, batch): a resumed run redraws them.
                var batchRandom = SplitMix64(seed: options.seed ^ (UInt64(progress.epoch) << 32 | UInt64(batch)))
                let result = x.storage.withUnsafeBufferPointer {
                    replicas.trainStep($0.baseAddress!, rows: rows, labels: labels, augmentation: augmentation,
                                       augmentationSeed: batchRandom.next())
                }
                guard result.loss.isFinite else { throw divergence(batch: batch) }
                rate = schedule.rate(base: parameters.learningRate,
                                     progress: Double(progress.epoch) + Double(batch) / Double(batches), epochs: epochs)
                optimizer.apply(values: store.values, gradients: store.gradients, count: store.count,
                                decayedCount: store.decayedCount, state: &optimizerState, learningRate: Float(rate))
                progress.lossSum += result.loss * Double(count)
                progress.correct += result.correct
                progress.seen += count
                options.progress?(FitProgress(step: batch + 1, totalSteps: batches, loss: progress.lossSum / Double(progress.seen),
                                              note: "epoch \(progress.epoch + 1)/\(epochs)"))
            }
            progress.shuffleState = String(shuffler.state)
            progress.seconds += secondsSince(start)
            try finishEpoch(learningRate: rate)
            try saveCheckpoint()
        }
        if parameters.earlyStopping, let best {
            _ = store.load(values: best.values, state: best.state)
        }
        let last = progress.history.last
        return FitSummary(iterations: progress.history.count, finalLoss: last?.loss,
                          converged: progress.stopReason != "", stopReason: progress.stopReason.isEmpty
                              ? "\(epochs) epochs done" : progress.stopReason,
                          ranPlannedEpochs: progress.stopReason.isEmpty && !parameters.earlyStopping && parameters.tol == 0)
    }

    /// Scores the epoch, records it, and decides whether training stops here.
    private mutating func finishEpoch(learningRate: Double) throws {
        let loss = progress.lossSum / Double(max(1, progress.seen))
        let validationAccuracy = validation.map { Double(network.correctCount($0.x, labels: $0.labels)) / Double($0.labels.count) }
        let report = EpochReport(epoch: progress.epoch + 1, epochs: parameters.epochs, seconds: progress.seconds, loss: loss,
                                 trainAccuracy: Double(progress.correct) / Double(max(1, progress.seen)),
                                 validationAccuracy: validationAccuracy, learningRate: learningRate)
        progress.history.append(report)
        let tol = parameters.tol
        if parameters.earlyStopping, let score = validationAccuracy {
            if score > progress.bestScore + tol {
                progress.epochsWithoutImprovement = 0
            } else {
                progress.epochsWithoutImprovement += 1
            }
            if score > progress.bestScore {
                progress.bestScore = score
                best = (network.store.valueArray, network.store.stateArray)
            }
            if progress.epochsWithoutImprovement >= parameters.nIterNoChange {
                progress.finished = true
                progress.stopReason = "validation accuracy did not improve by more than \(tol) for \(parameters.nIterNoChange) epochs; "
                    + String(format: "kept the best epoch (%.2f %%)", progress.bestScore * 100)
            }
        } else if tol > 0 {
            // scikit-learn's rule without early stopping: stop on a training-loss plateau.
            progress.epochsWithoutImprovement = loss > progress.bestLoss - tol ? progress.epochsWithoutImprovement + 1 : 0
            progress.bestLoss = min(progress.bestLoss, loss)
            if progress.epochsWithoutImprovement >= parameters.nIterNoChange {
                progress.finished = true
                progress.stopReason = "training loss did not improve by more than \(tol) for \(parameters.nIterNoChange) epochs"
            }
        }
        progress.epoch += 1
        progress.batch = 0
        (progress.lossSum, progress.correct, progress.seen, progress.seconds) = (0, 0, 0, 0)
        options.progress?(FitProgress(step: report.epoch, totalSteps: parameters.epochs, loss: loss, epoch: report))
    }

    private func divergence(batch: Int) -> ClassifierError {
        let kept = options.checkpoint.map { url in
            progress.epoch > 0 ? "; the last good checkpoint (after epoch \(progress.epoch)) is kept in \(url.path)" : ""
        } ?? ""
        return .diverged(kind: NeuralNetwork.kind,
                         detail: "the loss became non-finite in epoch \(progress.epoch + 1), batch \(batch + 1); "
                             + "lower learningRate\(kept)")
    }
}
