import DigitsKit
import Foundation

/// One server-sent event of a job's stream: `state` (the job, whenever its state or queue
/// position changes), `progress` (within an epoch), `epoch` (the fields of a `digits train
/// --json` epoch line), and `result` (the finished job; the stream ends after it).
struct JobEvent: Sendable, Equatable {
    var name: String
    var json: String

    /// The event as it goes on the wire.
    var text: String { "event: \(name)\ndata: \(json)\n\n" }

    static func state(_ job: JobJSON) -> JobEvent { JobEvent(name: "state", encoding: job) }
    static func result(_ job: JobJSON) -> JobEvent { JobEvent(name: "result", encoding: job) }
    static func epoch(_ report: EpochReport) -> JobEvent { JobEvent(name: "epoch", encoding: report) }
    static func progress(_ progress: ProgressJSON) -> JobEvent { JobEvent(name: "progress", encoding: progress) }

    private init(name: String, encoding value: some Encodable) {
        self.name = name
        // Every value here encodes; an empty object keeps the stream well-formed regardless.
        json = (try? String(decoding: JSONEncoder.job.encode(value), as: UTF8.self)) ?? "{}"
    }

    init(name: String, json: String) {
        self.name = name
        self.json = json
    }
}

/// Progress within an epoch (or an iterative fit), throttled by the queue.
struct ProgressJSON: Encodable, Sendable {
    var step: Int
    var totalSteps: Int?
    var fraction: Double?
    var loss: Double?
    var note: String?
    /// Seconds since the job started.
    var elapsed: Double

    enum CodingKeys: String, CodingKey {
        case step, totalSteps = "total_steps", fraction, loss, note, elapsed
    }
}

/// A job as the API shows it: the record, with its place in the queue while it waits.
struct JobJSON: Encodable, Sendable {
    var record: JobRecord
    /// 0 for the next job to run; nil unless queued.
    var position: Int?

    enum CodingKeys: String, CodingKey { case position }

    func encode(to encoder: Encoder) throws {
        try record.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(position, forKey: .position)
    }
}

extension JSONEncoder {
    /// Dates as ISO 8601 text, which browsers parse.
    static var job: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}
