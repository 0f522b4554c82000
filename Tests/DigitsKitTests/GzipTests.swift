import Testing
@testable import DigitsKit

@Suite struct GzipTests {
    private func fixture() throws -> [UInt8] {
        try DataFixtures.bytes("train-images-idx3-ubyte.gz", in: DataFixtures.idxFolder)
    }

    @Test func recognisesGzipByMagicNotName() throws {
        #expect(Gzip.isCompressed(try fixture()))
        #expect(!Gzip.isCompressed(DataFixtures.labelFile([1])))
        #expect(!Gzip.isCompressed([0x1f]))
    }

    @Test func decompressesAFixture() throws {
        let bytes = try Gzip.decompress(try fixture())
        #expect(bytes.count == 16 + 2 * 784)
        #expect(Array(bytes[0..<4]) == [0, 0, 8, 3])
    }

    @Test func decompressesConcatenatedMembers() throws {
        let one = try fixture()
        #expect(try Gzip.decompress(one + one).count == 2 * (16 + 2 * 784))
    }

    @Test func truncatedStreamIsAnError() throws {
        let bytes = try fixture()
        #expect(throws: GzipError.truncated) { try Gzip.decompress(Array(bytes.dropLast(12))) }
        #expect(throws: GzipError.truncated) { try Gzip.decompress(Array(bytes.prefix(12))) }
    }

    @Test func corruptStreamIsAnError() throws {
        var bytes = try fixture()
        // Damage the deflate data; either the decoder or the CRC-32 check in the trailer catches it.
        for i in 20..<40 { bytes[i] ^= 0x5a }
        #expect {
            try Gzip.decompress(bytes)
        } throws: { error in
            if case .corrupt = error as? GzipError { return true }
            return false
        }
    }

    @Test func outputPastTheLimitIsAnError() throws {
        #expect(throws: GzipError.tooLarge(limit: 100)) { try Gzip.decompress(try fixture(), limit: 100) }
    }

    @Test func trailingGarbageIsAnError() throws {
        #expect {
            try Gzip.decompress(try fixture() + [1, 2, 3])
        } throws: { error in
            if case .corrupt = error as? GzipError { return true }
            return false
        }
    }
}
