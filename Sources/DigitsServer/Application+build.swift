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
    /// The MNIST folder, for the pages that train or explore; nil when none was found, which
    /// those pages report while drawing and uploading still work.
    var dataFolder: URL? { get }
    /// The SQLite file holding feedback and the model registry; nil: `AppStore.defaultLocation()`,
    /// `:memory:`: a store that disappears with the server.
    var storePath: String? { get }
}

extension ServeArguments {
    public var logLevel: Logger.Level { .info }
    public var dataFolder: URL? { nil }
    public var storePath: String? { nil }
}

/// The web app: pages, static files and the JSON API, over one `ModelLibrary`.
public func buildApplication(_ arguments: some ServeArguments) throws -> some ApplicationProtocol {
    var logger = Logger(label: "digits")
    logger.logLevel = arguments.logLevel
    let library = try ModelLibrary(arguments: arguments)
    let store = try AppStore.open(path: arguments.storePath)
    logger.info("default model \(library.defaultModel.path); models folder \(library.folder.path); store \(store.location?.path ?? ":memory:")")
    let data = arguments.dataFolder.map { folder -> TrainingData in
        { let mnist = try MNIST.load(from: folder); return (mnist.train, mnist.test) }
    }
    let jobs = try JobQueue(history: StoredJobHistory(store: store), data: data, modelsFolder: library.folder, logger: logger)
    // The job queue is a service of the application, so a shutdown signal reaches it too.
    return Application(
        router: try buildRouter(library: library, store: store, dataFolder: arguments.dataFolder, jobs: jobs),
        configuration: .init(address: .hostname(arguments.host, port: arguments.port), serverName: "digits"),
        services: [jobs],
        logger: logger
    )
}

func buildRouter(library: ModelLibrary, store: AppStore, dataFolder: URL?, jobs: JobQueue) throws -> Router<DigitsContext> {
    guard let publicFolder = Bundle.module.url(forResource: "Public", withExtension: nil),
          let templates = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
        throw PageTemplateError(description: "the web app's files (Public/, Templates/) are missing from the bundle")
    }
    let router = Router(context: DigitsContext.self)
    router.addMiddleware {
        RequestLogMiddleware()
        JSONErrorMiddleware()
        FileMiddleware(publicFolder.path, searchForIndexHtml: false)
    }
    router.get("/health") { _, _ -> HTTPResponse.Status in .ok }
    router.addRoutes(try PagesController(templates: templates).endpoints)
    router.addRoutes(PredictController(library: library).endpoints, atPath: "/api")
    router.addRoutes(ModelsController(library: library).endpoints, atPath: "/api")
    router.addRoutes(FeedbackController(store: store, library: library).endpoints, atPath: "/api")
    router.addRoutes(ModelDetailsController(library: library, store: store).endpoints, atPath: "/api")
    router.addRoutes(ExploreController(library: library, dataFolder: dataFolder, results: BackgroundResults(store: store)).endpoints, atPath: "/api")
    router.addRoutes(JobsController(jobs: jobs).endpoints, atPath: "/api")
    router.addRoutes(KindsController(trainingAvailable: jobs.data != nil).endpoints, atPath: "/api")
    router.addRoutes(LabelsController().endpoints, atPath: "/api")
    return router
}
