import CZlib

/// Gzip decompression through zlib, bounded so that a damaged or hostile file is an error
/// rather than a crash or an exhausted machine.
public enum Gzip {
    /// True when `bytes` start with the gzip magic 1f 8b; file names are not trusted.
    public static func isCompressed(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b
    }

    /// The decompressed content of one or more concatenated gzip members.
    /// - Parameter limit: the most bytes the output may hold; more is `.tooLarge` (a gzip bomb).
    public static func decompress(_ input: [UInt8], limit: Int = 256 << 20) throws(GzipError) -> [UInt8] {
        var stream = z_stream()
        // windowBits 15 + 32: the largest window, and let zlib read (and check) the gzip header.
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .corrupt(reason: "zlib could not start")
        }
        defer { inflateEnd(&stream) }
        guard input.count <= Int(UInt32.max) else { throw .tooLarge(limit: limit) }

        var output = [UInt8](repeating: 0, count: min(initialCapacity(for: input), limit + 1))
        var produced = 0
        try input.withUnsafeBufferPointer { (source) throws(GzipError) in
            guard let base = source.baseAddress else { throw .truncated }
            stream.next_in = UnsafeMutablePointer(mutating: base)
            stream.avail_in = UInt32(source.count)
            while true {
                if produced == output.count {
                    // One byte past the limit proves the output is too large without inflating it all.
                    guard output.count <= limit else { throw .tooLarge(limit: limit) }
                    output.append(contentsOf: repeatElement(0, count: min(output.count, limit + 1 - output.count)))
                }
                let status = output.withUnsafeMutableBufferPointer { target -> Int32 in
                    guard let start = target.baseAddress else { return Z_MEM_ERROR }
                    stream.next_out = start + produced
                    stream.avail_out = UInt32(min(target.count - produced, Int(UInt32.max)))
                    let before = stream.avail_out
                    let status = inflate(&stream, Z_NO_FLUSH)
                    produced += Int(before - stream.avail_out)
                    return status
                }
                switch status {
                case Z_STREAM_END:
                    guard stream.avail_in > 0 else { return }
                    // Another gzip member may follow (what `cat a.gz b.gz` makes); anything else is damage.
                    let rest = source.count - Int(stream.avail_in)
                    guard stream.avail_in >= 2, source[rest] == 0x1f, source[rest + 1] == 0x8b else {
                        throw .corrupt(reason: "\(stream.avail_in) unexpected bytes after the gzip stream")
                    }
                    inflateReset(&stream)
                case Z_OK:
                    continue
                case Z_BUF_ERROR:
                    // No progress was possible: either the output is full (grow it) or the input ran out.
                    if produced == output.count { continue }
                    throw .truncated
                case Z_NEED_DICT, Z_DATA_ERROR:
                    throw .corrupt(reason: stream.msg.map { String(cString: $0) } ?? "invalid compressed data")
                case Z_MEM_ERROR:
                    throw .corrupt(reason: "zlib ran out of memory")
                default:
                    throw .corrupt(reason: "zlib status \(status)")
                }
            }
        }
        output.removeLast(output.count - produced)
        return output
    }

    /// The gzip trailer stores the uncompressed size modulo 2³²; a good first guess for MNIST-sized
    /// files, and only a guess, since the output grows when it is wrong.
    private static func initialCapacity(for input: [UInt8]) -> Int {
        guard input.count >= 18 else { return 1 << 16 }
        let n = input.count
        let size = Int(input[n - 4]) | Int(input[n - 3]) << 8 | Int(input[n - 2]) << 16 | Int(input[n - 1]) << 24
        // Deflate cannot expand more than about 1032:1, so a larger claim is a lie not worth allocating for.
        return max(min(size, n * 1032), 1 << 16)
    }
}

/// Why a gzip stream could not be decompressed.
public enum GzipError: Error, Equatable, CustomStringConvertible {
    case corrupt(reason: String)
    case truncated
    case tooLarge(limit: Int)

    public var description: String {
        switch self {
        case let .corrupt(reason): return "corrupt gzip data (\(reason))"
        case .truncated: return "gzip data ends early; the file is truncated"
        case let .tooLarge(limit): return "gzip data expands past \(limit >> 20) MiB, more than any MNIST file"
        }
    }
}
