import DigitsKit
import Foundation
import Hummingbird
import Logging

/// What `digits serve` is told on its command line; tests supply their own.
public protocol ServeArguments {
    /// The model used when a session has chosen none; nil: `DefaultModel.locate()`.
    var model: String? { get }
    /// The folder whose models a session may choose; nil: the default model's folder.
    var modelsDir: String? { get }
    var host: String { get }
    var port: Int { get }
    /// One line per request is logged at `info`.
    var logLevel: Logger.Level { get }
}

extension ServeArguments {
    public var logLevel: Logger.Level { .info }
}

/// The web app: pages, static files and the JSON API, over one `ModelLibrary`.
public func buildApplication(_ arguments: some ServeArguments) throws -> some ApplicationProtocol {
    var logger = Logger(label: "digits")
    logger.logLevel = arguments.logLevel
    let library = try ModelLibrary(arguments: arguments)
    logger.info("default model \(library.defaultModel.path); models folder \(library.folder.path)")
    return Application(
        router: buildRouter(library: library),
        configuration: .init(address: .hostname(arguments.host, port: arguments.port), serverName: "digits"),
        logger: logger
    )
}

func buildRouter(library: ModelLibrary, publicFolder: URL? = Bundle.module.url(forResource: "Public", withExtension: nil)) -> Router<DigitsContext> {
    let router = Router(context: DigitsContext.self)
    router.addMiddleware {
        RequestLogMiddleware()
        JSONErrorMiddleware()
        if let publicFolder {
            FileMiddleware(publicFolder.path, searchForIndexHtml: true)
        }
    }
    router.get("/health") { _, _ -> HTTPResponse.Status in .ok }
    router.addRoutes(PredictController(library: library).endpoints, atPath: "/api")
    router.addRoutes(ModelsController(library: library).endpoints, atPath: "/api")
    return router
}
