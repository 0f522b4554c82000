import DigitsKit
import Foundation
import HTTPTypes
import Hummingbird
import NIOPosix

/// `POST /api/predict[?mode=single|multi][&input28=1][&debug=1]`: reads the digits in an image sent
/// as the raw body, as multipart form data, or as JSON pixels, with the session's model. The
/// answer is a line of `digits predict --json` (`debug=1` adds `steps`, the processing strip as a
/// PNG data URL); the model's name is in the `Digits-Model` header.
struct PredictController {
    let library: ModelLibrary
    var decoder = ImageDecoder()

    var endpoints: RouteCollection<DigitsContext> {
        RouteCollection(context: DigitsContext.self)
            .post("predict", use: predict)
    }

    func predict(request: Request, context: DigitsContext) async throws -> Response {
        let query = request.uri.queryParameters
        let mode = try Self.mode(query.get("mode"))
        let includeInput = ["1", "true", "yes"].contains(query.get("input28") ?? "")
        let debug = ["1", "true", "yes"].contains(query.get("debug") ?? "")
        let contentType = request.headers[.contentType] ?? ""
        let body = try await request.body.collect(upTo: context.maxUploadSize)
        let bytes = [UInt8](body.readableBytesView)
        let (name, url) = library.sessionModel(request)
        let saved = try await library.model(at: url)
        let decoder = decoder
        // Parsing, decoding, extraction and classification are CPU work: they run on the
        // blocking thread pool, whose fixed size also bounds how many predictions run at once.
        let prediction = try await NIOThreadPool.singleton.runIfActive {
            let input = try PredictionInput(contentType: contentType, body: bytes, maxPixels: decoder.maxPixels)
            return try input.read(with: saved.pipeline, mode: mode, decoder: decoder, includeInput: includeInput, debug: debug)
        }
        let json = try JSONEncoder().encode(prediction)
        return .json(json, headers: [.digitsModel: name])
    }

    static func mode(_ text: String?) throws(APIError) -> DigitExtractor.Mode {
        guard let text else { return .multi }
        guard let mode = DigitExtractor.Mode(rawValue: text) else {
            throw APIError(.badRequest, "invalid mode", detail: "mode must be single or multi, not '\(text)'")
        }
        return mode
    }
}

extension HTTPField.Name {
    static let digitsModel = Self("Digits-Model")!
}
