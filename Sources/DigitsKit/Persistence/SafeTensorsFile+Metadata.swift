import Foundation

extension SafeTensorsFile {
    /// The `__metadata__` of the file at `url`, reading only its header: listing a folder of
    /// models must not read every model's weights.
    public static func readMetadata(from url: URL) throws(SafeTensorsError) -> [String: String] {
        do {
            return try readHeaderMetadata(url)
        } catch let error as SafeTensorsError {
            throw .inFile(path: url.path, error)
        } catch {
            throw .unreadable(path: url.path, reason: error.localizedDescription)
        }
    }

    private static func readHeaderMetadata(_ url: URL) throws -> [String: String] {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        let prefix = try handle.read(upToCount: 8) ?? Data()
        guard prefix.count == 8 else { throw SafeTensorsError.fileTooShort(byteCount: prefix.count) }
        let length = prefix.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        guard length > 0 else { throw SafeTensorsError.emptyHeader }
        guard length <= UInt64(headerLimit) else { throw SafeTensorsError.headerTooLarge(length: length, limit: headerLimit) }
        let header = try handle.read(upToCount: Int(length)) ?? Data()
        guard header.count == Int(length) else {
            throw SafeTensorsError.headerPastEnd(length: length, available: header.count)
        }
        let object = try header.withUnsafeBytes { raw throws(SafeTensorsError) in try decodeHeader(raw) }
        return try readMetadata(object[metadataKey])
    }
}

extension ModelFile {
    /// The model card of the file at `url`, from its header alone.
    public static func readCard(from url: URL) throws -> ModelCard {
        try card(from: SafeTensorsFile.readMetadata(from: url), file: url.lastPathComponent)
    }
}
