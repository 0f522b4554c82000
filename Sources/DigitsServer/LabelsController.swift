import DigitsKit
import Foundation
import Hummingbird

/// `POST /api/labels`: checks a labels CSV (`file,value` rows, the file `digits predict --labels`
/// reads) with the CLI's own parser, so the Upload page accepts exactly what the command does.
struct LabelsController {
    /// Thousands of rows fit in far less; a bigger body is not a labels file.
    static let limit = 2 * 1024 * 1024

    var endpoints: RouteCollection<DigitsContext> {
        RouteCollection(context: DigitsContext.self)
            .post("labels", use: parse)
    }

    struct Labels: ResponseEncodable {
        var labels: [String: String]
    }

    func parse(request: Request, context: DigitsContext) async throws -> Labels {
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: Self.limit)
        } catch {
            throw APIError(.contentTooLarge, "labels file too large", detail: "a labels file may hold at most \(Self.limit / 1024 / 1024) MB")
        }
        let name = request.uri.queryParameters.get("name") ?? "labels"
        do {
            return Labels(labels: try LabelFile(text: String(decoding: body.readableBytesView, as: UTF8.self), source: name).values)
        } catch {
            throw APIError(.badRequest, "invalid labels file", detail: "\(error)")
        }
    }
}
