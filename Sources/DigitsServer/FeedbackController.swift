import DigitsKit
import Foundation
import Hummingbird
import NIOCore

/// `/api/feedback`: samples users corrected ("that's wrong, it was…"), stored in the `AppStore`;
/// listed, shown as PNG, deleted, and exported as an MNIST-style IDX pair.
struct FeedbackController {
    let store: AppStore
    let library: ModelLibrary

    static let pageLimit = 200
    static let imageScale = 4

    var endpoints: RouteCollection<DigitsContext> {
        RouteCollection(context: DigitsContext.self)
            .post("feedback", use: create)
            .get("feedback", use: list)
            .get("feedback/export/{file}", use: export)
            // One parameter name for both: the router keeps one node per position, and a second
            // name there would leave DELETE unreachable.
            .get("feedback/{id}", use: image)
            .delete("feedback/{id}", use: delete)
    }

    struct NewSample: Decodable {
        var input28: [Int]
        var label: Int
        var predicted: Int?
        var source: String?
        var model: String?
        /// The image the sample was cut from, base64 in JSON.
        var original: Data?
    }

    static let shape = #"{"input28": [784 grey levels 0–255], "label": 0–9, "predicted": 0–9 or null, "source": "draw|upload|camera"}"#

    func create(request: Request, context: DigitsContext) async throws -> EditedResponse<FeedbackSampleJSON> {
        let body = try await request.body.collect(upTo: context.maxUploadSize)
        let new = try decodeJSON(NewSample.self, from: Data(body.readableBytesView), expecting: Self.shape)
        let sample = try Self.validate(new, sessionModel: library.sessionModelName(request))
        let stored = try await store.insertFeedback(sample)
        return EditedResponse(status: .created, headers: [.location: "/api/feedback/\(stored.id ?? 0)"],
                              response: FeedbackSampleJSON(stored, id: stored.id ?? 0))
    }

    static func validate(_ new: NewSample, sessionModel: String) throws(APIError) -> FeedbackSample {
        guard new.input28.count == Dataset.featureCount else {
            throw APIError(.badRequest, "invalid input28", detail: "input28 must hold 784 grey levels (28×28), not \(new.input28.count)")
        }
        guard new.input28.allSatisfy({ (0...255).contains($0) }) else {
            throw APIError(.badRequest, "invalid input28", detail: "every input28 value must be an integer in 0…255")
        }
        guard (0...9).contains(new.label) else {
            throw APIError(.badRequest, "invalid label", detail: "label must be a digit 0…9, not \(new.label)")
        }
        if let predicted = new.predicted, !(0...9).contains(predicted) {
            throw APIError(.badRequest, "invalid predicted", detail: "predicted must be a digit 0…9 or null, not \(predicted)")
        }
        let sourceName = new.source ?? "draw"
        guard let source = FeedbackSample.Source(rawValue: sourceName) else {
            throw APIError(.badRequest, "invalid source", detail: "source must be draw, upload or camera, not '\(sourceName)'")
        }
        if let original = new.original, original.count > FeedbackSample.originalLimit {
            throw APIError(.contentTooLarge, "original too large",
                           detail: "the original image may hold up to \(FeedbackSample.originalLimit >> 20) MiB, not \(original.count) bytes")
        }
        if let model = new.model, !ModelLibrary.isWellFormed(model) {
            throw APIError(.badRequest, "invalid model name", detail: "'\(model)' is not a model file name (NAME.safetensors)")
        }
        return FeedbackSample(id: nil, created: Date(), pixels: Data(new.input28.map { UInt8($0) }), label: new.label,
                              predicted: new.predicted, model: new.model ?? sessionModel, source: source, original: new.original)
    }

    struct SampleList: ResponseEncodable {
        var total: Int
        var samples: [FeedbackSampleJSON]
        /// Pass as `before` for the next (older) page; null on the last page.
        var next: Int64?
    }

    func list(request: Request, context: DigitsContext) async throws -> SampleList {
        let query = request.uri.queryParameters
        let limit = try Self.integer(query.get("limit"), name: "limit", default: 50, range: 1...Self.pageLimit)
        let before = try query.get("before").map { text throws(APIError) in Int64(try Self.integer(text, name: "before", default: 0, range: 1...Int.max)) }
        let page = try await store.feedback(limit: limit, before: before)
        let samples = page.samples.compactMap { sample in sample.id.map { FeedbackSampleJSON(sample, id: $0) } }
        return SampleList(total: page.total, samples: samples, next: samples.count == limit ? samples.last?.id : nil)
    }

    /// `GET /api/feedback/ID.png`.
    func image(request: Request, context: DigitsContext) async throws -> Response {
        let file = context.parameters.get("id") ?? ""
        guard file.hasSuffix(".png") else {
            throw APIError(.notFound, "not found", detail: "feedback images are /api/feedback/ID.png")
        }
        let id = try Self.id(String(file.dropLast(4)))
        guard let sample = try await store.feedbackSample(id: id) else { throw Self.unknown(id) }
        let png = PNGEncoder.grey(Self.scaled([UInt8](sample.pixels), by: Self.imageScale),
                                  width: 28 * Self.imageScale, height: 28 * Self.imageScale)
        return Response(status: .ok, headers: [.contentType: "image/png", .cacheControl: "private, max-age=3600"],
                        body: .init(byteBuffer: ByteBuffer(bytes: png)))
    }

    func delete(request: Request, context: DigitsContext) async throws -> HTTPResponse.Status {
        let id = try Self.id(context.parameters.get("id") ?? "")
        guard try await store.deleteFeedback(id: id) else { throw Self.unknown(id) }
        return .noContent
    }

    /// The two files `digits feedback export` writes, gzip-compressed as MNIST's downloads.
    func export(request: Request, context: DigitsContext) async throws -> Response {
        let file = context.parameters.get("file") ?? ""
        let data = try await store.feedbackDataset()
        guard let bytes = data.idxFiles(prefix: "train", gzip: true).first(where: { $0.name == file })?.bytes else {
            throw APIError(.notFound, "unknown export file",
                           detail: "the export holds train-images-idx3-ubyte.gz and train-labels-idx1-ubyte.gz, not '\(file)'")
        }
        return Response(status: .ok,
                        headers: [.contentType: "application/gzip", .contentDisposition: "attachment; filename=\"\(file)\""],
                        body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func scaled(_ pixels: [UInt8], by scale: Int) -> [UInt8] {
        let side = 28 * scale
        return (0..<(side * side)).map { index in pixels[(index / side / scale) * 28 + (index % side) / scale] }
    }

    static func id(_ text: String) throws(APIError) -> Int64 {
        guard let id = Int64(text), id > 0 else {
            throw APIError(.badRequest, "invalid id", detail: "a feedback id is a positive integer, not '\(text.prefix(40))'")
        }
        return id
    }

    static func unknown(_ id: Int64) -> APIError {
        APIError(.notFound, "unknown sample", detail: "there is no feedback sample \(id)")
    }

    static func integer(_ text: String?, name: String, default value: Int, range: ClosedRange<Int>) throws(APIError) -> Int {
        guard let text else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw APIError(.badRequest, "invalid \(name)", detail: "\(name) must be an integer in \(range.lowerBound)…\(range.upperBound), not '\(text.prefix(40))'")
        }
        return number
    }
}

extension FeedbackSampleJSON: ResponseEncodable {}

extension StoreError: HTTPResponseError, APIErrorConvertible {
    public var apiError: APIError { APIError(.internalServerError, "storage unavailable", detail: description) }
}
