import DigitsKit
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
@testable import DigitsServer

extension ServerFixture {
    /// The app with a job queue that trains on striped digits instead of MNIST (or on nothing).
    func testJobs(withData: Bool = true, _ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        defer { remove() }
        let library = try ModelLibrary(arguments: self)
        let data: TrainingData = { (try Self.stripedDigits(count: 600, offset: 0), try Self.stripedDigits(count: 200, offset: 1)) }
        var logger = Logger(label: "jobs-test")
        logger.logLevel = .warning
        let store = try AppStore()
        let jobs = JobQueue(history: try StoredJobHistory(store: store), data: withData ? data : nil, modelsFolder: library.folder, logger: logger)
        let app = Application(router: try buildRouter(library: library, store: store, dataFolder: nil, jobs: jobs),
                              services: [jobs], logger: logger)
        try await app.test(.router, body)
    }
}

struct JobBody: Decodable {
    struct Result: Decodable {
        var test_accuracy: Double
        var validation_accuracy: Double?
        var fit_seconds: Double
    }

    var id: String
    var state: String
    var position: Int?
    var message: String?
    var epochs: [EpochReport]
    var result: Result?
    var saved_as: String?
}

extension TestClientProtocol {
    func submit(_ json: String) async throws -> JobBody {
        try await execute(uri: "/api/jobs", method: .post, headers: [.contentType: "application/json"],
                          body: ByteBuffer(string: json)) { response in
            #expect(response.status == .accepted)
            return try response.decoded(JobBody.self)
        }
    }

    func job(_ id: String) async throws -> JobBody {
        try await execute(uri: "/api/jobs/\(id)", method: .get) { try $0.decoded(JobBody.self) }
    }

    /// Polls until the job has finished (or a minute has passed).
    func finished(_ id: String) async throws -> JobBody {
        for _ in 0..<600 {
            let job = try await job(id)
            if ["succeeded", "failed", "cancelled"].contains(job.state) { return job }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("job \(id) did not finish within a minute")
        return try await job(id)
    }

    func status(_ uri: String, _ method: HTTPRequest.Method, _ body: String? = nil) async throws -> (HTTPResponse.Status, ErrorBody?) {
        try await execute(uri: uri, method: method, headers: [.contentType: "application/json"],
                          body: body.map { ByteBuffer(string: $0) }) { response in
            (response.status, try? response.decoded(ErrorBody.self))
        }
    }
}

@Suite struct JobsAPITests {
    @Test func aJobIsQueuedRunsAndReportsItsScores() async throws {
        try await ServerFixture().testJobs { client in
            let job = try await client.submit(#"{"kind": "logreg", "parameters": {"C": "0.5"}}"#)
            #expect(job.state == "queued" && job.position == 0 || job.state == "running" && job.position == nil)
            let done = try await client.finished(job.id)
            #expect(done.state == "succeeded")
            let result = try #require(done.result)
            #expect(result.test_accuracy > 0.9 && result.fit_seconds > 0)
            try await client.execute(uri: "/api/jobs", method: .get) { response in
                #expect(String(buffer: response.body).contains(job.id))
            }
        }
    }

    @Test func eventsStreamEpochsAndTheResultAlsoToLateJoiners() async throws {
        try await ServerFixture().testJobs { client in
            let job = try await client.submit(#"{"kind": "mlp-64-16", "epochs": 2, "parameters": {"batchSize": "50"}}"#)
            let live = try await client.execute(uri: "/api/jobs/\(job.id)/events", method: .get) { response in
                #expect(response.headers[.contentType] == "text/event-stream")
                return String(buffer: response.body)
            }
            #expect(live.components(separatedBy: "event: epoch\n").count == 3)
            #expect(live.contains("\"train_accuracy\"") && live.hasSuffix("\n\n"))
            let result = try #require(live.components(separatedBy: "event: result\n").last)
            #expect(result.contains("\"succeeded\""))
            // Joining after the end replays the history.
            let late = try await client.execute(uri: "/api/jobs/\(job.id)/events", method: .get) { String(buffer: $0.body) }
            #expect(late.components(separatedBy: "event: epoch\n").count == 3 && late.contains("event: result"))
            #expect(try await client.job(job.id).epochs.map(\.epoch) == [1, 2])
        }
    }

    @Test func badRequestsAreRefusedNamingTheProblem() async throws {
        try await ServerFixture().testJobs { client in
            let cases: [(String, String)] = [
                ("", "empty body"),
                ("{not json", "malformed JSON"),
                (#"{"kind": 3}"#, "unexpected JSON"),
                (#"{"kind": "logreg", "epochs": "many"}"#, "unexpected JSON"),
                (#"{"kind": "perceptron"}"#, "perceptron"),
                (#"{"kind": "logreg", "parameters": {"C": "-1"}}"#, "'C'"),
                (#"{"kind": "logreg", "parameters": {"Cc": "1"}}"#, "'Cc'"),
                (#"{"kind": "logreg", "epochs": 3}"#, "neural networks only"),
                (#"{"kind": "mlp-64-16", "epochs": 0}"#, "epochs"),
                (#"{"kind": "logreg", "split": "most/rest"}"#, "most/rest"),
            ]
            for (body, mentioned) in cases {
                let (status, error) = try await client.status("/api/jobs", .post, body)
                #expect(status == .badRequest, "\(body)")
                let text = "\(error?.error ?? "") \(error?.detail ?? "")"
                #expect(text.contains(mentioned), "\(body): \(text)")
            }
            for (uri, method) in [("/api/jobs/nope", HTTPRequest.Method.get), ("/api/jobs/nope", .delete),
                                  ("/api/jobs/nope/events", .get)] {
                #expect(try await client.status(uri, method).0 == .notFound)
            }
            #expect(try await client.status("/api/jobs/nope/save", .post, #"{"name": "x"}"#).0 == .notFound)
        }
    }

    @Test func withoutMNISTJobsAreUnavailable() async throws {
        try await ServerFixture().testJobs(withData: false) { client in
            let (status, error) = try await client.status("/api/jobs", .post, #"{"kind": "logreg"}"#)
            #expect(status == .serviceUnavailable && error?.detail.contains("digits data download") == true)
            try await client.execute(uri: "/api/kinds", method: .get) { response in
                #expect(String(buffer: response.body).contains("\"training\":false"))
            }
        }
    }

    @Test func queuedJobsWaitAndCancellingStopsThem() async throws {
        try await ServerFixture().testJobs { client in
            let long = try await client.submit(#"{"kind": "mlp-64-16", "epochs": 2000}"#)
            let waiting = try await client.submit(#"{"kind": "logreg"}"#)
            #expect(waiting.state == "queued" && waiting.position != nil)
            let (status, _) = try await client.status("/api/jobs/\(waiting.id)", .delete)
            #expect(status == .ok)
            #expect(try await client.job(waiting.id).state == "cancelled")
            while try await client.job(long.id).state == "queued" { try await Task.sleep(for: .milliseconds(50)) }
            #expect(try await client.status("/api/jobs/\(long.id)", .delete).0 == .ok)
            let stopped = try await client.finished(long.id)
            #expect(stopped.state == "cancelled" && stopped.epochs.count < 2000)
            #expect(try await client.status("/api/jobs/\(long.id)", .delete).0 == .conflict)
            #expect(try await client.status("/api/jobs/\(long.id)/save", .post, #"{"name": "x"}"#).0 == .conflict)
        }
    }

    @Test func aTrainedModelIsSavedIntoTheModelsFolderOnce() async throws {
        let fixture = try ServerFixture()
        let folder = fixture.folder
        try await fixture.testJobs { client in
            let job = try await client.finished(try await client.submit(#"{"kind": "logreg"}"#).id)
            for name in ["../evil", "", ".hidden", "a/b", "x.safetensors/.."] {
                #expect(try await client.status("/api/jobs/\(job.id)/save", .post, "{\"name\": \"\(name)\"}").0 == .badRequest, "\(name)")
            }
            #expect(try await client.status("/api/jobs/\(job.id)/save", .post, "{}").0 == .badRequest)
            #expect(try await client.status("/api/jobs/\(job.id)/save", .post, #"{"name": "trained"}"#).0 == .created)
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("trained.safetensors").path))
            #expect(try await client.status("/api/jobs/\(job.id)/save", .post, #"{"name": "trained.safetensors"}"#).0 == .conflict)
            #expect(try await client.job(job.id).saved_as == "trained.safetensors")
            try await client.execute(uri: "/api/models", method: .get) { response in
                #expect(String(buffer: response.body).contains("trained.safetensors"))
            }
        }
    }

    @Test func kindsDescribeEveryModelsForm() async throws {
        struct Kinds: Decodable {
            struct Kind: Decodable {
                struct Field: Decodable { var name: String; var type: String; var value: String; var min: Double? }
                var name: String
                var family: String
                var epochs_parameter: String?
                var parameters: [Field]
            }
            var kinds: [Kind]
            var training: Bool
        }
        try await ServerFixture().testJobs { client in
            let kinds = try await client.execute(uri: "/api/kinds", method: .get) { try $0.decoded(Kinds.self) }
            #expect(kinds.training && kinds.kinds.map(\.name) == ModelKind.allCases.map(\.rawValue))
            let logreg = try #require(kinds.kinds.first { $0.name == "logreg" })
            #expect(logreg.epochs_parameter == nil && logreg.family == "Linear")
            let c = try #require(logreg.parameters.first { $0.name == "C" })
            #expect(c.type == "real" && Double(c.value) == LogisticRegression.Parameters().C && c.min == 0)
            #expect(kinds.kinds.first { $0.name == "cnn-b" }?.epochs_parameter == "epochs")
            #expect(kinds.kinds.first { $0.name == "knn" }?.epochs_parameter == nil)
        }
    }
}
