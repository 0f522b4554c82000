import Foundation

/// A model file: named tensors plus string metadata (the model card), in the safetensors format
/// that Python's `safetensors` package and most ML tools read.
///
/// Layout: an 8-byte little-endian header length N, N bytes of JSON header describing every
/// tensor (`dtype`, `shape`, `data_offsets` relative to the data section) and `__metadata__`,
/// then the tensors' raw little-endian bytes. Reading checks all of it before copying a byte
/// (see `SafeTensorsFile+Validation.swift`); writing is deterministic (see
/// `SafeTensorsFile+Serialization.swift`).
public struct SafeTensorsFile: Sendable, Equatable {
    /// The key the format reserves for metadata in the header; no tensor may have it as a name.
    static let metadataKey = "__metadata__"

    /// The tensors by name; each one's `name` is its key, so its errors say which tensor it is.
    public private(set) var tensors: [String: Tensor]
    /// Free-form string pairs (kind, hyper-parameters, metrics…). Python's `safetensors` rejects
    /// any other value type, hence strings only.
    public var metadata: [String: String]

    public init(tensors: [String: Tensor] = [:], metadata: [String: String] = [:]) throws(SafeTensorsError) {
        if tensors[Self.metadataKey] != nil { throw .reservedTensorName(Self.metadataKey) }
        self.init(unchecked: tensors, metadata: metadata)
    }

    /// For tensors whose names are known to be valid (read from a checked header).
    init(unchecked tensors: [String: Tensor], metadata: [String: String]) {
        var named = tensors
        for key in named.keys { named[key]?.name = key }
        self.tensors = named
        self.metadata = metadata
    }

    /// The tensor called `name`, or an error listing the names the file does have.
    public func tensor(_ name: String) throws(SafeTensorsError) -> Tensor {
        guard let tensor = tensors[name] else {
            throw .tensorNotFound(name, available: tensors.keys.sorted())
        }
        return tensor
    }

    /// Parses and checks a whole file's bytes.
    public init(bytes: [UInt8]) throws(SafeTensorsError) {
        self = try bytes.withUnsafeBytes { raw in
            Result { () throws(SafeTensorsError) in try Self.parse(raw) }
        }.get()
    }

    /// Reads and checks the file at `url`; errors name the file.
    public static func read(from url: URL) throws(SafeTensorsError) -> SafeTensorsFile {
        let data: Data
        do {
            // Read, not mapped: a mapped file that someone truncates while we parse it would
            // crash us (SIGBUS) however carefully the header is checked.
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadable(path: url.path, reason: error.localizedDescription)
        }
        let parsed = data.withUnsafeBytes { raw in
            Result { () throws(SafeTensorsError) in try parse(raw) }
        }
        do {
            return try parsed.get()
        } catch {
            throw .inFile(path: url.path, error)
        }
    }

    /// Writes the file atomically: a reader sees the old file or the complete new one.
    public func write(to url: URL) throws(AtomicFileError) {
        try AtomicFile.write(serialized(), to: url)
    }
}
