import DigitsKit
import Foundation
import Hummingbird
import NIOCore
import NIOPosix
import ServiceLifecycle

/// `POST /api/jobs` queues a training job; `GET /api/jobs[/{id}]` shows jobs;
/// `GET /api/jobs/{id}/events` follows one as server-sent events; `DELETE /api/jobs/{id}`
/// cancels it; `POST /api/jobs/{id}/save` writes its model into the models folder.
struct JobsController {
    let jobs: JobQueue

    var endpoints: RouteCollection<DigitsContext> {
        RouteCollection(context: DigitsContext.self)
            .post("jobs", use: submit)
            .get("jobs", use: list)
            .get("jobs/{id}", use: show)
            .delete("jobs/{id}", use: cancel)
            .get("jobs/{id}/events", use: events)
            .post("jobs/{id}/save", use: save)
    }

    static let requestShape = #"{"kind": "mlp-64-16", "parameters": {"NAME": "VALUE"}, "epochs": 1, "seed": 0, "split": "standard"}"#

    func submit(request: Request, context: DigitsContext) async throws -> Response {
        let body = try await request.body.collect(upTo: context.maxUploadSize)
        let jobRequest = try decodeJSON(JobRequest.self, from: Data(body.readableBytesView), expecting: Self.requestShape)
        // Building the pipeline checks the parameters; an architecture is parsed: CPU work.
        let jobs = jobs
        let job = try await NIOThreadPool.singleton.runIfActive { try jobs.submit(jobRequest) }
        return try Self.json(job, status: .accepted)
    }

    func list(request: Request, context: DigitsContext) async throws -> Response {
        let limit = request.uri.queryParameters.get("limit").flatMap(Int.init).map { min(max($0, 1), 200) } ?? 20
        let jobs = jobs
        let recent = try await NIOThreadPool.singleton.runIfActive { try jobs.recent(limit: limit) }
        return try Self.json(JobList(jobs: recent))
    }

    func show(request: Request, context: DigitsContext) async throws -> Response {
        let id = try context.parameters.require("id")
        let jobs = jobs
        return try Self.json(try await NIOThreadPool.singleton.runIfActive { try jobs.job(id) })
    }

    func cancel(request: Request, context: DigitsContext) async throws -> Response {
        let id = try context.parameters.require("id")
        let jobs = jobs
        return try Self.json(try await NIOThreadPool.singleton.runIfActive { try jobs.cancel(id) })
    }

    func events(request: Request, context: DigitsContext) async throws -> Response {
        let id = try context.parameters.require("id")
        let jobs = jobs
        let stream = try await NIOThreadPool.singleton.runIfActive { try jobs.subscribe(id) }
        let body = ResponseBody { writer in
            // The server drains open requests before the job queue hears of a shutdown, and this
            // stream lasts as long as its job: so a shutdown seen here stops the jobs at once.
            try await withGracefulShutdownHandler {
                for await event in stream {
                    try await writer.write(ByteBuffer(string: event.text))
                }
            } onGracefulShutdown: {
                jobs.shutDown()
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"], body: body)
    }

    struct SaveRequest: Decodable {
        var name: String
    }

    struct Saved: Encodable {
        var name: String
        var job: JobJSON
    }

    func save(request: Request, context: DigitsContext) async throws -> Response {
        let id = try context.parameters.require("id")
        let body = try await request.body.collect(upTo: context.maxUploadSize)
        let choice = try decodeJSON(SaveRequest.self, from: Data(body.readableBytesView), expecting: #"{"name": "my-model"}"#)
        let jobs = jobs
        let saved = try await NIOThreadPool.singleton.runIfActive {
            let target = try jobs.save(id, as: choice.name)
            do {
                try ModelFile.save(target.model, to: target.url)
            } catch {
                throw APIError(.internalServerError, "cannot save", detail: "writing \(target.file): \(error)")
            }
            jobs.recordSaved(id, as: target.file)
            return Saved(name: target.file, job: try jobs.job(id))
        }
        return try Self.json(saved, status: .created)
    }

    struct JobList: Encodable {
        var jobs: [JobJSON]
    }

    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        .json(try JSONEncoder.job.encode(value), status: status)
    }
}
