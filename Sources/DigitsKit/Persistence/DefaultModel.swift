import Foundation

/// Where `digits predict` finds a model when none is named: `Models/default.safetensors` in
/// the current folder, or in the repository the running executable was built in (found by
/// walking up from the executable, e.g. from `.build/release/digits`).
public enum DefaultModel {
    public static let relativePath = "Models/default.safetensors"

    public static func locate(currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                              executable: URL? = Bundle.main.executableURL) throws(DefaultModelError) -> URL {
        var candidates = [currentDirectory.appendingPathComponent(relativePath)]
        if var folder = executable?.resolvingSymlinksInPath().deletingLastPathComponent() {
            for _ in 0..<6 {
                candidates.append(folder.appendingPathComponent(relativePath))
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
        }
        if let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) { return found }
        throw .notFound(searched: candidates.map(\.path))
    }
}

public enum DefaultModelError: Error, Equatable, CustomStringConvertible {
    case notFound(searched: [String])

    public var description: String {
        switch self {
        case let .notFound(searched):
            return "no default model (looked for \(searched.joined(separator: ", "))); "
                + "name one with --model FILE, e.g. one made by `digits train logreg --out model.safetensors`"
        }
    }
}
