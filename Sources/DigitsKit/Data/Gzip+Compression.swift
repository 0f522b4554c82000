import CZlib

extension Gzip {
    /// `bytes` as one gzip member (what `gzip -9` writes), so exported IDX files read like
    /// MNIST's own downloads.
    public static func compress(_ bytes: [UInt8]) -> [UInt8] {
        var stream = z_stream()
        // windowBits 15 + 16: a gzip header and trailer around the deflate stream.
        guard deflateInit2_(&stream, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                            Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return [] }
        defer { deflateEnd(&stream) }
        // deflateBound plus the gzip header and trailer is always enough for one Z_FINISH call.
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))) + 32)
        var input = bytes
        let produced = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target -> Int in
                stream.next_in = source.baseAddress
                stream.avail_in = UInt32(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = UInt32(target.count)
                guard deflate(&stream, Z_FINISH) == Z_STREAM_END else { return -1 }
                return target.count - Int(stream.avail_out)
            }
        }
        // Only a lack of memory makes deflate fail with a buffer this size; an empty answer is
        // then an unreadable file rather than a crash.
        return produced < 0 ? [] : Array(output[..<produced])
    }
}
