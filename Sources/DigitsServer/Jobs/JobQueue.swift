import DigitsKit
import Foundation
import Logging
import NIOConcurrencyHelpers
import ServiceLifecycle

/// MNIST's training and test sets, read when a job starts (nil: the server has no data folder).
typealias TrainingData = @Sendable () throws -> (train: Dataset, test: Dataset)

/// The training jobs: one runs at a time on its own thread, the others wait in order. A
/// `Service`, so the server's service group runs it, and on SIGINT/SIGTERM it cancels the queue
/// and stops the running fit between two batches before the process exits.
final class JobQueue: Service, Sendable {
    let history: any JobHistory
    let data: TrainingData?
    let modelsFolder: URL
    let logger: Logger
    /// Trained models kept in memory for "save as…"; older ones are dropped.
    static let keptModels = 4
    /// Progress events go out at most this often: a batch takes milliseconds.
    static let progressInterval = 0.25

    struct State {
        /// Unfinished jobs; finished ones live in `history` only.
        var active: [String: JobRecord] = [:]
        var queue: [String] = []
        var stopRequested: Set<String> = []
        var lastProgress: [String: (event: JobEvent, time: Double)] = [:]
        var subscribers: [String: [UUID: AsyncStream<JobEvent>.Continuation]] = [:]
        var models: [(id: String, model: SavedModel)] = []
        var shuttingDown = false
    }

    let state = NIOLockedValueBox(State())
    private let wake: AsyncStream<Void>
    private let wakeContinuation: AsyncStream<Void>.Continuation

    init(history: any JobHistory, data: TrainingData?, modelsFolder: URL, logger: Logger) {
        self.history = history
        self.data = data
        self.modelsFolder = modelsFolder
        self.logger = logger
        (wake, wakeContinuation) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    // MARK: Running

    func run() async throws {
        await withGracefulShutdownHandler {
            for await _ in wake {
                while let record = nextJob() {
                    await execute(record)
                }
            }
        } onGracefulShutdown: {
            self.shutDown()
        }
        // An open event stream may have stopped the queue first (see `JobsController.events`):
        // a service that returns before its group shuts it down counts as a failure.
        try await gracefulShutdown()
    }

    /// Cancels the queued jobs, asks the running one to stop, and ends the run loop once it has.
    func shutDown() {
        let queued = state.withLockedValue { state in
            state.shuttingDown = true
            if let running = state.active.values.first(where: { $0.state == .running }) {
                state.stopRequested.insert(running.id)
            }
            return state.queue
        }
        for id in queued { cancelQueued(id, message: "the server shut down before the job started") }
        wakeContinuation.finish()
    }

    /// Takes the first queued job and marks it running in one step, so no one sees it queued
    /// without a place in the queue.
    private func nextJob() -> JobRecord? {
        state.withLockedValue { state in
            guard !state.shuttingDown, !state.queue.isEmpty else { return nil }
            let id = state.queue.removeFirst()
            state.active[id]?.state = .running
            state.active[id]?.started = Date()
            return state.active[id]
        }
    }

    private func execute(_ record: JobRecord) async {
        let id = record.id
        store(record)
        publish(id, .state(view(record)))
        publishQueuePositions()
        logger.info("job \(id): training \(record.request.kind)")
        let outcome: Result<TrainingRun, any Error> = await withCheckedContinuation { continuation in
            // A thread of its own: a fit runs for minutes and must never hold an event loop or
            // one of Swift's cooperative threads.
            let thread = Thread { continuation.resume(returning: Result { try self.train(record) }) }
            thread.name = "digits-training"
            thread.stackSize = 16 << 20
            thread.start()
        }
        finish(id, outcome)
    }

    private func train(_ record: JobRecord) throws -> TrainingRun {
        let (kind, pipeline, splitSpec) = try Self.validate(record.request)
        guard let data else { throw JobError.noData }
        let (train, test) = try data()
        let split = try DataSplit(train: train, test: test, spec: splitSpec, seed: record.request.seed)
        let started = DispatchTime.now()
        let id = record.id
        // Not `exclusive`: predictions share the process, and switching OpenBLAS's threads or
        // taking every core for replicas would slow them down.
        return try TrainingRun.run(kind: kind, pipeline: pipeline, split: split, splitSpec: splitSpec, seed: record.request.seed,
                                   progress: { self.report(id, $0, started: started) },
                                   shouldStop: { self.isStopRequested(id) }, exclusive: false)
    }

    func isStopRequested(_ id: String) -> Bool {
        state.withLockedValue { $0.stopRequested.contains(id) }
    }

    /// From the training thread: epochs are recorded and sent; progress within one is sent
    /// at most every `progressInterval` and only the latest is kept for late joiners.
    private func report(_ id: String, _ progress: FitProgress, started: DispatchTime) {
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        if let epoch = progress.epoch {
            update(id, announce: false) { $0.epochs.append(epoch) }
            publish(id, .epoch(epoch))
            return
        }
        let event = JobEvent.progress(ProgressJSON(
            step: progress.step, totalSteps: progress.totalSteps,
            fraction: progress.totalSteps.map { Double(progress.step) / Double(max(1, $0)) },
            loss: progress.loss, note: progress.note, elapsed: elapsed))
        let due = state.withLockedValue { state in
            if let last = state.lastProgress[id], elapsed - last.time < Self.progressInterval { return false }
            state.lastProgress[id] = (event, elapsed)
            return true
        }
        if due { publish(id, event) }
    }

    private func finish(_ id: String, _ outcome: Result<TrainingRun, any Error>) {
        let stopped = isStopRequested(id)
        let record = update(id) { record in
            record.finished = Date()
            switch outcome {
            case let .success(run) where !stopped:
                record.state = .succeeded
                record.result = JobResult(testAccuracy: run.test.report.accuracy,
                                          validationAccuracy: run.validation?.report.accuracy, fitSeconds: run.fitSeconds,
                                          test: run.test.report, validation: run.validation?.report)
            case .success:
                record.state = .cancelled
                record.message = "cancelled; the fit had finished, its model was discarded"
            case let .failure(error):
                if stopped {
                    record.state = .cancelled
                    record.message = "cancelled after \(record.epochs.count) epoch(s)"
                } else {
                    record.state = .failed
                    record.message = "\(error)"
                }
            }
        }
        if case let .success(run) = outcome, record?.state == .succeeded {
            state.withLockedValue { state in
                state.models.append((id, run.model))
                state.models.removeFirst(max(0, state.models.count - Self.keptModels))
            }
        }
        logger.info("job \(id): \(record?.state.rawValue ?? "gone") \(record?.message ?? "")")
        end(id)
    }

    // MARK: Records and events

    /// Applies `change` to an unfinished job's record and saves it; returns the new record.
    @discardableResult
    func update(_ id: String, announce: Bool = true, _ change: (inout JobRecord) -> Void) -> JobRecord? {
        let record: JobRecord? = state.withLockedValue { state in
            guard var record = state.active[id] else { return nil }
            change(&record)
            state.active[id] = record
            return record
        }
        guard let record else { return nil }
        store(record)
        if announce { publish(id, .state(view(record))) }
        return record
    }

    func store(_ record: JobRecord) {
        do { try history.save(record) } catch { logger.error("job \(record.id): cannot record it: \(error)") }
    }

    /// A finished job leaves the active set; its subscribers get the result and their stream ends.
    func end(_ id: String) {
        let (record, subscribers) = state.withLockedValue { state in
            let record = state.active.removeValue(forKey: id)
            state.queue.removeAll { $0 == id }
            state.stopRequested.remove(id)
            state.lastProgress[id] = nil
            return (record, state.subscribers.removeValue(forKey: id) ?? [:])
        }
        guard let record else { return }
        let event = JobEvent.result(view(record))
        for continuation in subscribers.values {
            continuation.yield(event)
            continuation.finish()
        }
    }

    func publish(_ id: String, _ event: JobEvent) {
        let subscribers = state.withLockedValue { Array(($0.subscribers[id] ?? [:]).values) }
        for continuation in subscribers { continuation.yield(event) }
    }

    /// Waiting jobs hear that they moved up.
    func publishQueuePositions() {
        let queued = state.withLockedValue { state in state.queue.compactMap { state.active[$0] } }
        for record in queued { publish(record.id, .state(view(record))) }
    }

    func view(_ record: JobRecord) -> JobJSON {
        JobJSON(record: record, position: state.withLockedValue { $0.queue.firstIndex(of: record.id) })
    }

    func wakeUp() {
        wakeContinuation.yield()
    }
}

/// Why a job could not be taken or run.
enum JobError: Error, CustomStringConvertible {
    case noData

    var description: String {
        switch self {
        case .noData: "MNIST not found — run `digits data download`, or start the server with --data DIR"
        }
    }
}
