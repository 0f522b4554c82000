/// Everything that can be wrong with a safetensors file or with the use of a tensor in it.
///
/// Each case carries what a user needs to find the problem (tensor name, offsets, sizes), and
/// `description` says what it means and, where there is one, what to do about it.
public enum SafeTensorsError: Error, Equatable, CustomStringConvertible {
    // MARK: File and header framing

    /// The file could not be read at all (missing, unreadable).
    case unreadable(path: String, reason: String)
    /// Fewer than the 8 bytes that hold the header length.
    case fileTooShort(byteCount: Int)
    /// The header length is 0: there is no JSON header.
    case emptyHeader
    /// The header length is beyond the cap any real model needs.
    case headerTooLarge(length: UInt64, limit: Int)
    /// The header length runs past the end of the file.
    case headerPastEnd(length: UInt64, available: Int)
    /// The header bytes are not UTF-8.
    case headerNotUTF8
    /// The header does not start with `{`, or is not a JSON object.
    case headerNotObject
    /// The header is not valid JSON.
    case headerNotJSON(reason: String)

    // MARK: Header entries

    /// A tensor entry is not a JSON object.
    case entryNotObject(tensor: String)
    /// A tensor entry lacks `dtype`, `shape` or `data_offsets`.
    case missingField(tensor: String, field: String)
    /// The dtype is not one safetensors defines (or not a string).
    case unknownDType(tensor: String, dtype: String)
    /// The shape is not an array of non-negative integers.
    case invalidShape(tensor: String, shape: String)
    /// The shape's element count times the dtype size does not fit in an `Int`.
    case elementCountOverflow(tensor: String, shape: String)
    /// `data_offsets` is not a pair of non-negative integers.
    case invalidOffsets(tensor: String, offsets: String)
    /// `data_offsets` has its begin after its end.
    case offsetsReversed(tensor: String, begin: Int, end: Int)
    /// The tensor ends past the end of the data section.
    case tensorPastEnd(tensor: String, end: Int, dataSize: Int)
    /// The tensor's byte range does not match its dtype and shape.
    case byteCountMismatch(tensor: String, dtype: DType, shape: [Int], expected: Int, actual: Int)
    /// Two tensors share bytes.
    case tensorsOverlap(first: String, second: String)
    /// Bytes of the data section between two tensors belong to none.
    case gapBeforeTensor(tensor: String, from: Int, to: Int)
    /// The data section goes on after the last tensor.
    case trailingBytes(from: Int, dataSize: Int)
    /// `__metadata__` is not an object of string values.
    case invalidMetadata(key: String?)

    // MARK: Using tensors

    /// No tensor of that name; `available` lists the names the file has.
    case tensorNotFound(String, available: [String])
    /// A tensor name the format reserves.
    case reservedTensorName(String)
    /// The tensor holds another element type than the one asked for.
    case dtypeMismatch(tensor: String, expected: DType, actual: DType)
    /// The tensor has another number of dimensions than the one asked for.
    case rankMismatch(tensor: String, expected: Int, shape: [Int])
    /// Values handed to a tensor do not fill its shape (or the shape is invalid).
    case shapeMismatch(valueCount: Int, shape: [Int])

    /// Any of the above, found while reading or writing the file at `path`.
    indirect case inFile(path: String, SafeTensorsError)

    public var description: String {
        switch self {
        case let .unreadable(path, reason):
            return "cannot read \(path): \(reason)"
        case let .fileTooShort(byteCount):
            return "the file has \(byteCount) bytes, fewer than the 8-byte header length every safetensors file starts with — it is empty, truncated or not a safetensors file"
        case .emptyHeader:
            return "the header length is 0, so there is no JSON header — the file is corrupt or not a safetensors file"
        case let .headerTooLarge(length, limit):
            return "the header claims \(length) bytes, more than the \(limit)-byte limit — the file is corrupt or not a safetensors file"
        case let .headerPastEnd(length, available):
            return "the header claims \(length) bytes but only \(available) follow the length field — the file is truncated or not a safetensors file"
        case .headerNotUTF8:
            return "the header is not valid UTF-8 text — the file is corrupt or not a safetensors file"
        case .headerNotObject:
            return "the header is not a JSON object starting with '{' — the file is corrupt or not a safetensors file"
        case let .headerNotJSON(reason):
            return "the header is not valid JSON (\(reason)) — the file is corrupt"
        case let .entryNotObject(tensor):
            return "header entry '\(tensor)' is not an object with dtype, shape and data_offsets"
        case let .missingField(tensor, field):
            return "tensor '\(tensor)' has no '\(field)' in the header"
        case let .unknownDType(tensor, dtype):
            let known = DType.allCases.map(\.rawValue).joined(separator: ", ")
            return "tensor '\(tensor)' has dtype \(dtype), which is not one of \(known)"
        case let .invalidShape(tensor, shape):
            return "tensor '\(tensor)' has shape \(shape); a shape must be a list of non-negative integers"
        case let .elementCountOverflow(tensor, shape):
            return "tensor '\(tensor)' has shape \(shape), whose size in bytes overflows — the header is corrupt"
        case let .invalidOffsets(tensor, offsets):
            return "tensor '\(tensor)' has data_offsets \(offsets); they must be two non-negative integers [begin, end]"
        case let .offsetsReversed(tensor, begin, end):
            return "tensor '\(tensor)' begins at byte \(begin), after its end at byte \(end) — the header is corrupt"
        case let .tensorPastEnd(tensor, end, dataSize):
            return "tensor '\(tensor)' ends at byte \(end) but the data section has \(dataSize) bytes — the file is truncated"
        case let .byteCountMismatch(tensor, dtype, shape, expected, actual):
            return "tensor '\(tensor)' spans \(actual) bytes but a \(dtype.rawValue) tensor of shape \(shape) needs \(expected) — the header is corrupt"
        case let .tensorsOverlap(first, second):
            return "tensors '\(first)' and '\(second)' share bytes in the data section — the header is corrupt"
        case let .gapBeforeTensor(tensor, from, to):
            return "bytes \(from)..<\(to) before tensor '\(tensor)' belong to no tensor — the header is corrupt"
        case let .trailingBytes(from, dataSize):
            return "the data section has \(dataSize) bytes but the tensors end at byte \(from) — the file has trailing garbage or a tensor is missing from the header"
        case let .invalidMetadata(key):
            if let key {
                return "__metadata__ entry '\(key)' is not a string; metadata values must be strings"
            }
            return "__metadata__ is not an object of string values"
        case let .tensorNotFound(name, available):
            let list = available.isEmpty ? "none" : available.map { "'\($0)'" }.joined(separator: ", ")
            return "no tensor named '\(name)' (the file has: \(list)) — the file was saved by another kind or version of model"
        case let .reservedTensorName(name):
            return "'\(name)' cannot name a tensor: safetensors reserves it for the metadata"
        case let .dtypeMismatch(tensor, expected, actual):
            return "tensor '\(tensor)' holds \(actual.rawValue) values, not \(expected.rawValue)"
        case let .rankMismatch(tensor, expected, shape):
            return "tensor '\(tensor)' has shape \(shape), not the \(expected) dimensions expected"
        case let .shapeMismatch(valueCount, shape):
            return "\(valueCount) values cannot fill a tensor of shape \(shape)"
        case let .inFile(path, error):
            return "\(path): \(error)"
        }
    }
}
