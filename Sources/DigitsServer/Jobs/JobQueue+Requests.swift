import DigitsKit
import Foundation

/// What the API asks of the queue: take, show, cancel, follow and save jobs.
extension JobQueue {
    /// Checks the request as `digits train` checks its command line, then queues it.
    func submit(_ request: JobRequest) throws(APIError) -> JobJSON {
        guard data != nil else { throw APIError(.serviceUnavailable, "no training data", detail: JobError.noData.description) }
        do {
            _ = try Self.validate(request)
        } catch {
            throw APIError(.badRequest, "invalid job", detail: "\(error)")
        }
        let record = JobRecord(id: UUID().uuidString.lowercased(), request: request)
        let accepted = state.withLockedValue { state in
            guard !state.shuttingDown else { return false }
            state.active[record.id] = record
            state.queue.append(record.id)
            return true
        }
        guard accepted else { throw APIError(.serviceUnavailable, "shutting down", detail: "the server is stopping; try again once it is back") }
        store(record)
        wakeUp()
        return view(record)
    }

    /// The kind, a fresh pipeline with the parameters applied and checked, and the split.
    static func validate(_ request: JobRequest) throws -> (ModelKind, Pipeline, SplitSpec) {
        guard let kind = ModelKind(rawValue: request.kind) else {
            throw ModelSpecError.unknownKind(request.kind, known: ModelKind.allCases.map(\.rawValue))
        }
        if let epochs = request.epochs {
            guard kind.epochsParameter != nil else { throw JobRequestError.epochsNotApplicable(kind: kind.rawValue) }
            guard (1...10_000).contains(epochs) else { throw JobRequestError.epochsOutOfRange(epochs) }
        }
        let pipeline = try kind.makePipeline(parameters: request.assignments(for: kind))
        return (kind, pipeline, try SplitSpec(parsing: request.split))
    }

    /// An unfinished job from memory, a finished one from the history.
    func job(_ id: String) throws(APIError) -> JobJSON {
        if let record = state.withLockedValue({ $0.active[id] }) { return view(record) }
        let stored: JobRecord?
        do { stored = try history.find(id: id) } catch { throw APIError(.internalServerError, "job history unavailable", detail: "\(error)") }
        guard let stored else { throw APIError(.notFound, "unknown job", detail: "there is no job '\(id)'") }
        return view(stored)
    }

    /// The newest jobs first; unfinished ones as they are now.
    func recent(limit: Int) throws(APIError) -> [JobJSON] {
        let stored: [JobRecord]
        do { stored = try history.recent(limit: limit) } catch { throw APIError(.internalServerError, "job history unavailable", detail: "\(error)") }
        let active = state.withLockedValue { $0.active }
        return stored.map { view(active[$0.id] ?? $0) }
    }

    /// A queued job is removed; a running one is asked to stop between two batches (models
    /// trained in one go, like logreg, finish their fit and their result is discarded).
    func cancel(_ id: String) throws(APIError) -> JobJSON {
        let current = try job(id)
        switch current.record.state {
        case .queued:
            cancelQueued(id, message: "cancelled before it started")
            return try job(id)
        case .running:
            state.withLockedValue { _ = $0.stopRequested.insert(id) }
            return current
        case .succeeded, .failed, .cancelled:
            throw APIError(.conflict, "job finished", detail: "job '\(id)' has already \(current.record.state.rawValue)")
        }
    }

    func cancelQueued(_ id: String, message: String) {
        let removed = state.withLockedValue { state in
            guard let index = state.queue.firstIndex(of: id) else { return false }
            state.queue.remove(at: index)
            return true
        }
        guard removed else { return }
        update(id, announce: false) { record in
            record.state = .cancelled
            record.finished = Date()
            record.message = message
        }
        end(id)
        publishQueuePositions()
    }

    /// The job's events so far (its state, its epochs, the latest progress), then the live ones;
    /// the stream ends with the `result` event. Nil for an unknown job.
    func subscribe(_ id: String) throws(APIError) -> AsyncStream<JobEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: JobEvent.self)
        let key = UUID()
        let live: JobRecord? = state.withLockedValue { state in
            guard let record = state.active[id] else { return nil }
            // Under the lock, so no event falls between the history and the live stream.
            continuation.yield(.state(JobJSON(record: record, position: state.queue.firstIndex(of: id))))
            for epoch in record.epochs { continuation.yield(.epoch(epoch)) }
            if let progress = state.lastProgress[id] { continuation.yield(progress.event) }
            state.subscribers[id, default: [:]][key] = continuation
            return record
        }
        if live != nil {
            continuation.onTermination = { [weak self] _ in
                self?.state.withLockedValue { _ = $0.subscribers[id]?.removeValue(forKey: key) }
            }
            return stream
        }
        let finished = try job(id)
        continuation.yield(.state(finished))
        for epoch in finished.record.epochs { continuation.yield(.epoch(epoch)) }
        continuation.yield(.result(finished))
        continuation.finish()
        return stream
    }

    /// Writes a succeeded job's model into the models folder as `name` (".safetensors" added
    /// when missing), atomically, never over an existing file.
    func save(_ id: String, as name: String) throws(APIError) -> (file: String, model: SavedModel, url: URL) {
        let file = name.hasSuffix(".safetensors") ? name : name + ".safetensors"
        guard ModelLibrary.isWellFormed(file) else {
            throw APIError(.badRequest, "invalid model name",
                           detail: "'\(name)' cannot name a model file: use letters, digits, '.', '_' and '-', not starting with a dot")
        }
        let current = try job(id)
        guard current.record.state == .succeeded else {
            throw APIError(.conflict, "nothing to save", detail: "job '\(id)' is \(current.record.state.rawValue); only a succeeded job has a model")
        }
        guard let model = state.withLockedValue({ $0.models.last { $0.id == id }?.model }) else {
            throw APIError(.gone, "model no longer kept",
                           detail: "the server keeps the last \(Self.keptModels) trained models in memory; train job '\(id)' again to save it")
        }
        let url = modelsFolder.appendingPathComponent(file)
        guard !FileManager.default.fileExists(atPath: url.path) else {
            throw APIError(.conflict, "name taken", detail: "\(file) already exists in the models folder; choose another name")
        }
        return (file, model, url)
    }

    /// Notes in the job's record where its model was saved.
    func recordSaved(_ id: String, as file: String) {
        guard var record = try? history.find(id: id) else { return }
        record.savedAs = file
        store(record)
    }
}

/// A job request `digits train` would also refuse.
enum JobRequestError: Error, CustomStringConvertible {
    case epochsNotApplicable(kind: String)
    case epochsOutOfRange(Int)

    var description: String {
        switch self {
        case let .epochsNotApplicable(kind): "epochs applies to neural networks only, not \(kind)"
        case let .epochsOutOfRange(epochs): "epochs must be in 1...10000, not \(epochs)"
        }
    }
}
