import DigitsKit
import Foundation
import Hummingbird
import NIOPosix

/// `GET /api/models` lists the models a session may choose; `POST /api/session/model` chooses one.
struct ModelsController {
    let library: ModelLibrary

    var endpoints: RouteCollection<DigitsContext> {
        RouteCollection(context: DigitsContext.self)
            .get("models", use: list)
            .post("session/model", use: choose)
    }

    struct ModelEntry: Encodable, Sendable {
        var name: String
        var kind: String?
        var classifier: String?
        var testAccuracy: Double?
        var bytes: Int?
        var error: String?

        enum CodingKeys: String, CodingKey {
            case name, kind, classifier, testAccuracy = "test_accuracy", bytes, error
        }
    }

    struct ModelList: ResponseEncodable, Sendable {
        var `default`: String
        var active: String
        var models: [ModelEntry]
    }

    func list(request: Request, context: DigitsContext) async throws -> ModelList {
        let library = library
        // Reading the cards touches every file in the folder: blocking I/O, so off the event loop.
        let models = try await NIOThreadPool.singleton.runIfActive {
            library.names().map { name in
                Self.entry(name: name, url: library.url(ofListed: name))
            }
        }
        return ModelList(default: library.defaultName, active: library.sessionModelName(request), models: models)
    }

    static func entry(name: String, url: URL) -> ModelEntry {
        var entry = ModelEntry(name: name)
        entry.bytes = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int
        do {
            let card = try ModelFile.readCard(from: url)
            entry.kind = card.kind
            entry.classifier = card.classifier
            entry.testAccuracy = card.metrics["test_accuracy"]
        } catch {
            entry.error = "\(error)"
        }
        return entry
    }

    struct Choice: Decodable {
        var name: String
    }

    struct Chosen: ResponseEncodable {
        var active: String
    }

    func choose(request: Request, context: DigitsContext) async throws -> EditedResponse<Chosen> {
        let body = try await request.body.collect(upTo: context.maxUploadSize)
        let choice = try decodeJSON(Choice.self, from: Data(body.readableBytesView), expecting: #"{"name": "MODEL.safetensors"}"#)
        _ = try library.url(forName: choice.name)
        var response = EditedResponse(response: Chosen(active: choice.name))
        response.setCookie(library.sessionCookie(choosing: choice.name))
        return response
    }
}

/// Decodes a JSON request body; anything else is a 400 that says what was expected.
func decodeJSON<T: Decodable>(_ type: T.Type, from data: Data, expecting shape: String) throws(APIError) -> T {
    guard !data.isEmpty else { throw APIError(.badRequest, "empty body", detail: "expected JSON: \(shape)") }
    do {
        return try JSONDecoder().decode(T.self, from: data)
    } catch let DecodingError.dataCorrupted(context) where context.codingPath.isEmpty {
        throw APIError(.badRequest, "malformed JSON", detail: "the body is not valid JSON; expected \(shape)")
    } catch {
        throw APIError(.badRequest, "unexpected JSON", detail: "\(error); expected \(shape)")
    }
}
