import Foundation

/// Which folder holds MNIST: one rule for the CLI, the server and tests, written as a pure
/// function of its inputs so every branch can be tested without touching the real environment.
public enum DataFolder {
    /// The environment variable naming the data folder.
    public static let environmentKey = "DIGITS_DATA"

    /// The folder to read MNIST from, first match wins:
    /// 1. `explicit` (the `--data DIR` option), relative to `currentDirectory`;
    /// 2. `$DIGITS_DATA`;
    /// 3. `./data/mnist`, when that folder exists;
    /// 4. the user cache folder (see `cacheFolder`), when it holds the four files.
    /// - Parameter exists: whether a folder exists; injected so tests need no real folders.
    /// - Parameter holdsData: whether a folder holds the four MNIST files.
    public static func resolve(
        explicit: String?,
        environment: [String: String],
        currentDirectory: URL,
        home: URL,
        exists: (URL) -> Bool = { directoryExists($0) },
        holdsData: (URL) -> Bool = { MNIST.hasFiles(in: $0) }
    ) throws(MNISTDataError) -> URL {
        if let explicit, !explicit.isEmpty {
            return resolvePath(explicit, against: currentDirectory)
        }
        if let named = environment[environmentKey], !named.isEmpty {
            return resolvePath(named, against: currentDirectory)
        }
        let local = currentDirectory.appendingPathComponent("data/mnist")
        if exists(local) { return local }
        let cache = cacheFolder(environment: environment, home: home)
        if holdsData(cache) { return cache }
        throw .noDataFolder(searched: [local.path, cache.path])
    }

    /// Where `digits data download` puts the files by default: `$DIGITS_DATA` when set, so that
    /// the next command finds them, else the user cache folder.
    public static func downloadFolder(explicit: String?, environment: [String: String],
                                      currentDirectory: URL, home: URL) -> URL {
        if let explicit, !explicit.isEmpty { return resolvePath(explicit, against: currentDirectory) }
        if let named = environment[environmentKey], !named.isEmpty {
            return resolvePath(named, against: currentDirectory)
        }
        return cacheFolder(environment: environment, home: home)
    }

    /// `$XDG_CACHE_HOME/digits/mnist`, or `~/.cache/digits/mnist` when that variable is unset
    /// (the XDG base-directory rule).
    public static func cacheFolder(environment: [String: String], home: URL) -> URL {
        let base: URL
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            base = URL(fileURLWithPath: xdg, isDirectory: true)
        } else {
            base = home.appendingPathComponent(".cache", isDirectory: true)
        }
        return base.appendingPathComponent("digits/mnist", isDirectory: true)
    }

    public static func directoryExists(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    private static func resolvePath(_ path: String, against base: URL) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path, isDirectory: true)
            : base.appendingPathComponent(path, isDirectory: true).standardizedFileURL
    }
}
