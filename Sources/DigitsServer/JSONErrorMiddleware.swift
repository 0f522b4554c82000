import Hummingbird
import NIOCore

/// Every failure under `/api/` answers `{"error", "detail"}` JSON: Hummingbird's own errors
/// (unknown route, body over the limit) are rephrased, and anything unexpected becomes a 500
/// that names the error instead of an empty body.
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            throw error
        } catch let error as any APIErrorConvertible {
            throw error.apiError
        } catch is NIOTooManyBytesError {
            throw APIError(.contentTooLarge, "body too large",
                           detail: "the request body is larger than the \(context.maxUploadSize)-byte limit")
        } catch let error as HTTPError {
            throw APIError(error.status, error.status.reasonPhrase.lowercased(), detail: error.body ?? error.status.reasonPhrase)
        } catch let error as any HTTPResponseError {
            throw APIError(error.status, error.status.reasonPhrase.lowercased(), detail: "\(error)")
        } catch {
            context.logger.error("unexpected error: \(error)")
            throw APIError(.internalServerError, "internal error", detail: "\(error)")
        }
    }
}
