/// The IDX format of the MNIST files: a big-endian magic number (0x0000 08 nn, where 08 means
/// unsigned bytes and nn the number of dimensions), nn big-endian 32-bit sizes, then the bytes.
public enum IDX {
    public static let imageMagic: UInt32 = 0x0000_0803
    public static let labelMagic: UInt32 = 0x0000_0801

    /// The header of an IDX file: its magic number and dimension sizes.
    public struct Header: Sendable, Equatable {
        public let magic: UInt32
        public let dimensions: [Int]
        /// Where the data starts.
        public var dataOffset: Int { 4 + 4 * dimensions.count }
    }

    /// Reads the header and checks the magic number, without trusting any size yet.
    public static func header(of bytes: [UInt8], expectedMagic: UInt32, file: String) throws(MNISTDataError) -> Header {
        guard !bytes.isEmpty else { throw .emptyFile(file: file) }
        guard bytes.count >= 4 else { throw .truncated(file: file, expectedBytes: 4, actualBytes: bytes.count) }
        let magic = bigEndian(bytes, at: 0)
        guard magic == expectedMagic else { throw .wrongMagic(file: file, found: magic, expected: expectedMagic) }
        let dimensionCount = Int(magic & 0xff)
        let headerSize = 4 + 4 * dimensionCount
        guard bytes.count >= headerSize else {
            throw .truncated(file: file, expectedBytes: headerSize, actualBytes: bytes.count)
        }
        let dimensions = (0..<dimensionCount).map { Int(bigEndian(bytes, at: 4 + 4 * $0)) }
        return Header(magic: magic, dimensions: dimensions)
    }

    /// The pixels of an N×28×28 image file, image after image.
    public static func images(from bytes: [UInt8], file: String) throws(MNISTDataError) -> [UInt8] {
        let header = try header(of: bytes, expectedMagic: imageMagic, file: file)
        let side = Dataset.imageSide
        guard header.dimensions.count == 3, header.dimensions[1] == side, header.dimensions[2] == side else {
            throw .wrongDimensions(file: file, found: header.dimensions, expected: "N×28×28")
        }
        return try payload(of: bytes, header: header, file: file)
    }

    /// The labels of an N-label file, each checked to be a digit.
    public static func labels(from bytes: [UInt8], file: String) throws(MNISTDataError) -> [UInt8] {
        let header = try header(of: bytes, expectedMagic: labelMagic, file: file)
        let labels = try payload(of: bytes, header: header, file: file)
        if let bad = labels.firstIndex(where: { $0 >= Dataset.classCount }) {
            throw .labelOutOfRange(file: file, index: bad, value: Int(labels[bad]))
        }
        return labels
    }

    /// The data after the header, once its length matches the product of the dimensions exactly.
    private static func payload(of bytes: [UInt8], header: Header, file: String) throws(MNISTDataError) -> [UInt8] {
        // Sizes are 32-bit each, so the product of three fits in Int64, but check rather than assume.
        var expected = 1
        for size in header.dimensions {
            let (product, overflow) = expected.multipliedReportingOverflow(by: size)
            guard !overflow else { throw .wrongDimensions(file: file, found: header.dimensions, expected: "a size that fits in memory") }
            expected = product
        }
        let available = bytes.count - header.dataOffset
        guard available >= expected else {
            throw .truncated(file: file, expectedBytes: header.dataOffset + expected, actualBytes: bytes.count)
        }
        guard available == expected else { throw .trailingBytes(file: file, count: available - expected) }
        return Array(bytes[header.dataOffset...])
    }

    private static func bigEndian(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16 | UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3])
    }
}
