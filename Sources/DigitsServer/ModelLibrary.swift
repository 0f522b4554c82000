import DigitsKit
import Foundation
import NIOConcurrencyHelpers
import NIOPosix

/// The models a browser session may choose from: every `.safetensors` file directly inside one
/// folder, plus the default model. Names come from clients, so a name is only ever compared
/// with the folder's own listing — no path is built from it.
final class ModelLibrary: Sendable {
    let folder: URL
    let defaultModel: URL
    private let loaded = NIOLockedValueBox<[String: LoadedModel]>([:])

    private struct LoadedModel {
        let model: SavedModel
        let modified: Date?
    }

    init(arguments: some ServeArguments) throws(ServeError) {
        let model: URL
        if let path = arguments.model {
            model = URL(fileURLWithPath: path).standardizedFileURL
            guard FileManager.default.fileExists(atPath: model.path) else { throw .missingModel(path: model.path) }
        } else {
            do { model = try DefaultModel.locate() } catch { throw .noDefaultModel(error) }
        }
        let folder = arguments.modelsDir.map { URL(fileURLWithPath: $0, isDirectory: true).standardizedFileURL }
            ?? model.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw .missingModelsFolder(path: folder.path)
        }
        self.folder = folder
        self.defaultModel = model
    }

    var defaultName: String { defaultModel.lastPathComponent }

    /// The file names of the folder's models, sorted, with the default model's name too.
    func names() -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let models = files.filter { $0.hasSuffix(".safetensors") && !$0.hasPrefix(".") }
        return Array(Set(models + [defaultName])).sorted()
    }

    /// The file a client's model name stands for; the name must be one `names()` lists.
    func url(forName name: String) throws(APIError) -> URL {
        guard Self.isWellFormed(name) else {
            throw APIError(.badRequest, "invalid model name",
                           detail: "'\(name)' is not a model file name: expected NAME.safetensors, without folders")
        }
        guard names().contains(name) else {
            throw APIError(.notFound, "unknown model", detail: "there is no model '\(name)' in \(folder.lastPathComponent)")
        }
        return url(ofListed: name)
    }

    /// The file of a name `names()` has just listed: no check left to make.
    func url(ofListed name: String) -> URL {
        name == defaultName ? defaultModel : folder.appendingPathComponent(name)
    }

    /// Letters, digits, `.`, `_` and `-` only, not starting with a dot: no separators, no `..`,
    /// and safe to carry in a cookie as it is.
    static func isWellFormed(_ name: String) -> Bool {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
        return name.count <= 200 && name.hasSuffix(".safetensors") && !name.hasPrefix(".") && name.allSatisfy(allowed.contains)
    }

    /// The model in `url`, loaded once and reloaded when the file changes; the reading happens
    /// on the blocking-I/O thread pool, never on an event loop.
    func model(at url: URL) async throws -> SavedModel {
        let modified = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date
        if let cached = loaded.withLockedValue({ $0[url.path] }), cached.modified == modified {
            return cached.model
        }
        let model = try await NIOThreadPool.singleton.runIfActive { try ModelFile.load(from: url) }
        loaded.withLockedValue { $0[url.path] = LoadedModel(model: model, modified: modified) }
        return model
    }
}

/// Why `digits serve` cannot start.
public enum ServeError: Error, CustomStringConvertible {
    case noDefaultModel(DefaultModelError)
    case missingModel(path: String)
    case missingModelsFolder(path: String)

    public var description: String {
        switch self {
        case let .noDefaultModel(error): "\(error)"
        case let .missingModel(path): "no model file at \(path); train one with `digits train logreg --out \(path)`"
        case let .missingModelsFolder(path): "the models folder \(path) does not exist or is not a folder"
        }
    }
}
