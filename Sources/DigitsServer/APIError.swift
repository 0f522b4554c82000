import DigitsKit
import Foundation
import Hummingbird
import NIOCore

/// An error as the API reports it: the status, and `{"error": "...", "detail": "..."}` where
/// `error` is a short, stable summary and `detail` says what exactly went wrong.
public struct APIError: HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    public var error: String
    public var detail: String

    public init(_ status: HTTPResponse.Status, _ error: String, detail: String) {
        self.status = status
        self.error = error
        self.detail = detail
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let data = try JSONEncoder().encode(ErrorBody(error: error, detail: detail))
        return .json(data, status: status)
    }
}

private struct ErrorBody: Encodable {
    var error: String
    var detail: String
}

/// Anything that can be said as an `APIError`; DigitsKit's errors say it in this module, so
/// DigitsKit never depends on Hummingbird.
public protocol APIErrorConvertible: HTTPResponseError {
    var apiError: APIError { get }
}

extension APIErrorConvertible {
    public var status: HTTPResponse.Status { apiError.status }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        try apiError.response(from: request, context: context)
    }
}

extension ImageDecodingError: HTTPResponseError, APIErrorConvertible {
    public var apiError: APIError {
        switch self {
        case .empty: APIError(.badRequest, "empty body", detail: "the request carries no image")
        case .fileTooLarge: APIError(.contentTooLarge, "image too large", detail: description)
        case .tooManyPixels: APIError(.unprocessableContent, "image too large", detail: description)
        case .unrecognisedFormat: APIError(.unsupportedMediaType, "not an image", detail: description)
        case .unsupported: APIError(.unsupportedMediaType, "unsupported image", detail: description)
        case .corrupt: APIError(.unprocessableContent, "damaged image", detail: description)
        case .cannotRead: APIError(.badRequest, "unreadable image", detail: description)
        }
    }
}

/// The chosen model could not be loaded: the server's fault (a damaged file in its folder), not
/// the client's, but still a JSON answer with the reason.
extension ModelFileError: HTTPResponseError, APIErrorConvertible {
    public var apiError: APIError { APIError(.internalServerError, "model unavailable", detail: description) }
}

extension SafeTensorsError: HTTPResponseError, APIErrorConvertible {
    public var apiError: APIError { APIError(.internalServerError, "model unavailable", detail: description) }
}
