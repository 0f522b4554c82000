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
        if let named = named(explicit, environment, currentDirectory) { return named }
        let local = currentDirectory.appendingPathComponent("data/mnist")
        if exists(local) { return local }
        let cache = cacheFolder(environment: environment, home: home)
        if holdsData(cache) { return cache }
        throw .noDataFolder(searched: [local.path, cache.path])
    }

    /// Where `digits data download` puts the files: `explicit` (its `--dir`), else `$DIGITS_DATA`
    /// so that the next command finds them, else the user cache folder.
    public static func downloadFolder(explicit: String?, environment: [String: String],
                                      currentDirectory: URL, home: URL) -> URL {
        named(explicit, environment, currentDirectory) ?? cacheFolder(environment: environment, home: home)
    }

    /// `$XDG_CACHE_HOME/digits/mnist`, or `~/.cache/digits/mnist` when that variable is unset or
    /// not an absolute path (the XDG base-directory rule says to ignore relative ones).
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

    /// The folder the user named: the option first, then `$DIGITS_DATA`; empty values do not count.
    private static func named(_ explicit: String?, _ environment: [String: String], _ currentDirectory: URL) -> URL? {
        guard let path = [explicit, environment[environmentKey]].compactMap({ $0 }).first(where: { !$0.isEmpty }) else {
            return nil
        }
        return resolvePath(path, against: currentDirectory)
    }

    private static func resolvePath(_ path: String, against base: URL) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path, isDirectory: true)
            : base.appendingPathComponent(path, isDirectory: true).standardizedFileURL
    }
}
