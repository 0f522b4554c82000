import Foundation

/// Reading a file nobody vouches for: every number in the header is checked against the file's
/// size before anything is allocated or copied, so a corrupt or hostile file is an error, never
/// a crash or a huge allocation.
extension SafeTensorsFile {
    /// No real model needs a larger header; a bigger claim is corruption (the same cap as the
    /// reference implementation's, which also keeps JSON parsing bounded).
    static let headerLimit = 100 * 1024 * 1024

    /// Where one tensor lies in the data section, once its header entry has been checked.
    private struct Layout {
        let name: String
        let dtype: DType
        let shape: [Int]
        let begin: Int
        let end: Int
    }

    static func parse(_ file: UnsafeRawBufferPointer) throws(SafeTensorsError) -> SafeTensorsFile {
        guard file.count >= 8 else { throw .fileTooShort(byteCount: file.count) }
        let length = (0..<8).reduce(UInt64(0)) { $0 | UInt64(file[$1]) << (8 * $1) }
        guard length > 0 else { throw .emptyHeader }
        guard length <= UInt64(headerLimit) else { throw .headerTooLarge(length: length, limit: headerLimit) }
        guard length <= UInt64(file.count - 8) else {
            throw .headerPastEnd(length: length, available: file.count - 8)
        }
        let dataStart = 8 + Int(length)
        let header = try decodeHeader(UnsafeRawBufferPointer(rebasing: file[8..<dataStart]))
        let data = UnsafeRawBufferPointer(rebasing: file[dataStart...])

        let metadata = try readMetadata(header[metadataKey])
        // Sorted so that a file with several problems always reports the same one.
        let layouts = try header.keys.sorted().filter { $0 != metadataKey }.map { name throws(SafeTensorsError) in
            try readEntry(name, header[name], dataSize: data.count)
        }
        try checkCoverage(layouts, dataSize: data.count)

        var tensors: [String: Tensor] = [:]
        tensors.reserveCapacity(layouts.count)
        for layout in layouts {
            let bytes = UnsafeRawBufferPointer(rebasing: data[layout.begin..<layout.end])
            tensors[layout.name] = Tensor(
                unchecked: layout.dtype, shape: layout.shape,
                rawBytes: [UInt8](copyingBytesOf: bytes, count: bytes.count))
        }
        return SafeTensorsFile(unchecked: tensors, metadata: metadata)
    }

    // MARK: - Header

    static func decodeHeader(_ bytes: UnsafeRawBufferPointer) throws(SafeTensorsError) -> [String: Any] {
        // JSONSerialization would also guess UTF-16 or UTF-32; the format says UTF-8.
        guard String(validating: bytes, as: UTF8.self) != nil else { throw .headerNotUTF8 }
        guard bytes.first == UInt8(ascii: "{") else { throw .headerNotObject }
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: Data(bytes))
        } catch {
            throw .headerNotJSON(reason: (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
                ?? error.localizedDescription)
        }
        guard let object = json as? [String: Any] else { throw .headerNotObject }
        return object
    }

    static func readMetadata(_ value: Any?) throws(SafeTensorsError) -> [String: String] {
        guard let value else { return [:] }
        guard let object = value as? [String: Any] else { throw .invalidMetadata(key: nil) }
        var metadata: [String: String] = [:]
        for key in object.keys.sorted() {
            guard let text = object[key] as? String else { throw .invalidMetadata(key: key) }
            metadata[key] = text
        }
        return metadata
    }

    /// Checks one tensor entry on its own: its fields, and its byte range against its dtype and
    /// shape and against the data section.
    private static func readEntry(_ name: String, _ value: Any?, dataSize: Int) throws(SafeTensorsError) -> Layout {
        guard let entry = value as? [String: Any] else { throw .entryNotObject(tensor: name) }
        for field in ["dtype", "shape", "data_offsets"] where entry[field] == nil {
            throw .missingField(tensor: name, field: field)
        }

        guard let dtypeName = entry["dtype"] as? String, let dtype = DType(rawValue: dtypeName) else {
            throw .unknownDType(tensor: name, dtype: describe(entry["dtype"]))
        }

        guard let dimensions = entry["shape"] as? [Any] else {
            throw .invalidShape(tensor: name, shape: describe(entry["shape"]))
        }
        var shape: [Int] = []
        var byteCount = dtype.size
        for dimension in dimensions {
            guard let size = integer(dimension), size >= 0 else {
                throw .invalidShape(tensor: name, shape: describe(entry["shape"]))
            }
            guard let product = byteCount.multipliedOrNil(by: size) else {
                throw .elementCountOverflow(tensor: name, shape: describe(entry["shape"]))
            }
            shape.append(size)
            byteCount = product
        }

        guard let offsets = entry["data_offsets"] as? [Any], offsets.count == 2,
              let begin = integer(offsets[0]), let end = integer(offsets[1]), begin >= 0
        else { throw .invalidOffsets(tensor: name, offsets: describe(entry["data_offsets"])) }
        guard begin <= end else { throw .offsetsReversed(tensor: name, begin: begin, end: end) }
        guard end <= dataSize else { throw .tensorPastEnd(tensor: name, end: end, dataSize: dataSize) }
        guard end - begin == byteCount else {
            throw .byteCountMismatch(tensor: name, dtype: dtype, shape: shape, expected: byteCount, actual: end - begin)
        }
        return Layout(name: name, dtype: dtype, shape: shape, begin: begin, end: end)
    }

    /// The tensors must tile the data section exactly: no shared bytes, no unclaimed ones.
    private static func checkCoverage(_ layouts: [Layout], dataSize: Int) throws(SafeTensorsError) {
        let ordered = layouts.sorted { ($0.begin, $0.end, $0.name) < ($1.begin, $1.end, $1.name) }
        var covered = 0
        var previous: String?
        for layout in ordered {
            if layout.begin < covered, let previous {
                throw .tensorsOverlap(first: previous, second: layout.name)
            }
            if layout.begin > covered {
                throw .gapBeforeTensor(tensor: layout.name, from: covered, to: layout.begin)
            }
            covered = layout.end
            previous = layout.name
        }
        if covered != dataSize { throw .trailingBytes(from: covered, dataSize: dataSize) }
    }

    // MARK: - JSON values

    /// `value` as an `Int` when it is a JSON integer that fits. JSONSerialization gives every
    /// number and boolean as an `NSNumber` that would convert to `Int` without complaint
    /// (`true` → 1, `2.5` → 2), so the number's recorded type decides: integers carry an integer
    /// type code, fractions and exponents "d", booleans "c".
    private static func integer(_ value: Any) -> Int? {
        guard let number = value as? NSNumber, !(number is NSDecimalNumber) else { return nil }
        switch String(cString: number.objCType) {
        case "s", "i", "l", "q": return number.intValue
        case "S", "I", "L", "Q": return Int(exactly: number.uint64Value)
        default: return nil
        }
    }

    /// A header value as it would read in the JSON, for error messages; cut short, since a
    /// hostile header can make one value megabytes long.
    private static func describe(_ value: Any?) -> String {
        guard let value else { return "null" }
        let text: String
        if let data = try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys]),
           let json = String(data: data, encoding: .utf8) {
            text = json
        } else {
            text = String(describing: value)
        }
        let limit = 80
        return text.count > limit ? text.prefix(limit) + "…" : text
    }
}
