import Testing
@testable import DigitsKit

@Suite struct MD5Tests {
    /// The test suite of RFC 1321, appendix A.5.
    @Test(arguments: [
        ("", "d41d8cd98f00b204e9800998ecf8427e"),
        ("a", "0cc175b9c0f1b6a831c399e269772661"),
        ("abc", "900150983cd24fb0d6963f7d28e17f72"),
        ("message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
        ("abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"),
        ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f"),
        ("12345678901234567890123456789012345678901234567890123456789012345678901234567890",
         "57edf4a22be3c955ac49da2e2107b67a"),
    ])
    func rfc1321Vectors(input: String, expected: String) {
        #expect(MD5.hex(of: Array(input.utf8)) == expected)
    }

    @Test func streamingInAnyPiecesGivesTheSameDigest() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let whole = MD5.hex(of: bytes)
        for piece in [1, 7, 63, 64, 65, 500] {
            var md5 = MD5()
            var start = 0
            while start < bytes.count {
                md5.update(Array(bytes[start..<min(start + piece, bytes.count)]))
                start += piece
            }
            #expect(md5.hexDigest() == whole, "pieces of \(piece)")
        }
    }
}
