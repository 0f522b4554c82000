import Foundation
import Testing
@testable import DigitsKit

/// Every committed fixture shows a 16×8 picture: a dark (or blue) 8×8 block on the left, white
/// on the right. See scripts/fixtures/make-image-fixtures.py.
@Suite struct ImageDecodingTests {
    static var folder: URL { get throws { try DataFixtures.root.appendingPathComponent("images") } }

    static func decode(_ name: String, with decoder: ImageDecoder = ImageDecoder()) throws -> RasterImage {
        try decoder.decode(contentsOf: folder.appendingPathComponent(name))
    }

    static let greyFiles = ["grey.png", "grey-alpha.png", "grey16.png", "grey.jpg", "grey.pgm", "ascii.pgm",
                            "grey.tif", "grey16.tif", "multipage.tif"]
    static let colourFiles = ["rgb.png", "palette.png", "rgba.png", "rgb.jpg", "progressive.jpg",
                              "rgb24.bmp", "palette8.bmp", "rgba32.bmp", "lossless.webp", "lossy.webp", "rgba.webp",
                              "rgb-lzw.tif", "jpeg.tif", "palette.tif", "rgba.tif", "rgb.heic", "rgba.heic",
                              "rotated.heic", "rgb.avif"] + (2...8).map { "exif-\($0).jpg" }

    @Test(arguments: greyFiles + colourFiles)
    func decodesTheCanonicalPicture(name: String) throws {
        let image = try Self.decode(name)
        #expect(image.width == 16 && image.height == 8)
        #expect(image.channels == (Self.greyFiles.contains(name) ? 1 : 3))
        // Away from the block edge, where JPEG rings.
        let left = image.sample(x: 2, y: 4).map(Int.init), right = image.sample(x: 13, y: 4).map(Int.init)
        if image.channels == 1 {
            #expect(abs(left[0] - 30) <= 12, "dark block in \(name): \(left)")
        } else {
            #expect(left[2] > 160 && left[0] < 70, "blue block in \(name): \(left)")
        }
        #expect(right.allSatisfy { $0 >= 235 }, "white (or transparent composited on white) in \(name): \(right)")
    }

    @Test func aBilevelFaxScanReadsBlackOnWhite() throws {
        let image = try Self.decode("bilevel-g4.tif")
        #expect(image.width == 16 && image.height == 8 && image.channels == 1)
        #expect(image.sample(x: 2, y: 4) == [0] && image.sample(x: 13, y: 4) == [255])
    }

    /// A phone's HEIC holds 10 bits per sample when it shoots HDR; it comes out as 8-bit RGB.
    @Test func aTenBitHEICReadsAsEightBits() throws {
        let image = try Self.decode("grey10.heic")
        #expect(image.width == 16 && image.height == 8 && image.channels == 3)
        #expect(image.sample(x: 2, y: 4).allSatisfy { abs(Int($0) - 30) <= 12 }, "\(image.sample(x: 2, y: 4))")
        #expect(image.sample(x: 13, y: 4).allSatisfy { $0 >= 235 }, "\(image.sample(x: 13, y: 4))")
    }

    @Test func exifOrientationIsReadFromTheApp1Segment() throws {
        for orientation in 2...8 {
            let bytes = [UInt8](try Data(contentsOf: Self.folder.appendingPathComponent("exif-\(orientation).jpg")))
            #expect(ExifOrientation.read(fromJPEG: bytes).rawValue == orientation)
        }
        let plain = [UInt8](try Data(contentsOf: Self.folder.appendingPathComponent("rgb.jpg")))
        #expect(ExifOrientation.read(fromJPEG: plain) == .up)
    }

    @Test func orientationsAreInversesOfPlainTurns() throws {
        let image = try #require(RasterImage(width: 3, height: 2, channels: 1, pixels: [1, 2, 3, 4, 5, 6]))
        #expect(image.oriented(.rotatedClockwise).pixels == [4, 1, 5, 2, 6, 3])
        #expect(image.oriented(.rotatedCounterClockwise).pixels == [3, 6, 2, 5, 1, 4])
        #expect(image.oriented(.transposed).pixels == [1, 4, 2, 5, 3, 6])
        #expect(image.oriented(.transverse).pixels == [6, 3, 5, 2, 4, 1])
        #expect(image.oriented(.upsideDown).pixels == [6, 5, 4, 3, 2, 1])
    }

    @Test(arguments: [
        ("truncated.png", "corrupt"), ("corrupt.png", "corrupt"), ("truncated.jpg", "corrupt"),
        ("not-an-image.png", "unrecognised"), ("empty.png", "empty"),
        ("giant.png", "pixels"), ("giant.jpg", "pixels"), ("giant.pgm", "pixels"),
        ("truncated.webp", "corrupt"), ("giant.webp", "pixels"), ("animated.webp", "unsupported"),
        ("truncated.tif", "corrupt"), ("giant.tif", "pixels"),
        ("truncated.heic", "corrupt"), ("giant.heic", "pixels"), ("video.mp4", "unrecognised"),
    ])
    func hostileFilesAreTypedErrors(name: String, kind: String) throws {
        do {
            _ = try Self.decode(name)
            Issue.record("\(name) decoded")
        } catch let error as ImageDecodingError {
            switch (error, kind) {
            case (.corrupt, "corrupt"), (.unrecognisedFormat, "unrecognised"), (.empty, "empty"), (.tooManyPixels, "pixels"),
                 (.unsupported, "unsupported"): break
            default: Issue.record("\(name): \(error)")
            }
        }
    }

    // Not ascii.pgm: a P2 file cut inside its last number is still a valid, shorter number.
    @Test(arguments: ["rgb.png", "progressive.jpg", "exif-6.jpg", "grey.pgm", "rgb24.bmp", "palette8.bmp",
                      "lossy.webp", "rgba.webp", "rgb-lzw.tif", "jpeg.tif", "rgb.heic", "rgba.heic", "rgb.avif"])
    func everyTruncationIsAnErrorNotACrash(name: String) throws {
        let bytes = [UInt8](try Data(contentsOf: Self.folder.appendingPathComponent(name)))
        // The last 12 bytes may hold only an end marker (PNG's IEND) that decoders do not need.
        for length in stride(from: 0, to: bytes.count - 12, by: 3) {
            #expect(throws: ImageDecodingError.self, "\(name) cut at \(length) bytes") {
                _ = try ImageDecoder().decode(Array(bytes.prefix(length)))
            }
        }
    }

    /// White strokes drawn on a transparent canvas vanish on a white ground: a mostly transparent
    /// picture with light paint is composited on black, one with dark paint on white.
    @Test(arguments: [("light-on-transparent.png", 220, 0), ("light-on-transparent16.png", 220, 0),
                      ("dark-on-transparent.png", 30, 255), ("light-on-transparent.webp", 220, 0),
                      ("light-on-transparent.tif", 220, 0)])
    func transparencyTakesTheGroundThatContrastsWithThePaint(name: String, paint: Int, ground: Int) throws {
        let image = try Self.decode(name)
        #expect(image.width == 16 && image.height == 8 && image.channels == 3)
        #expect(image.sample(x: 3, y: 3).allSatisfy { abs(Int($0) - paint) <= 1 }, "\(name): \(image.sample(x: 3, y: 3))")
        #expect(image.sample(x: 12, y: 4).allSatisfy { Int($0) == ground }, "\(name): \(image.sample(x: 12, y: 4))")
    }

    @Test func limitsAreCheckedBeforeDecoding() throws {
        #expect(throws: ImageDecodingError.fileTooLarge(bytes: 658, limit: 100)) {
            _ = try Self.decode("rgb.jpg", with: ImageDecoder(maxFileBytes: 100))
        }
        #expect(throws: ImageDecodingError.tooManyPixels(width: 16, height: 8, limit: 100)) {
            _ = try Self.decode("rgb.png", with: ImageDecoder(maxPixels: 100))
        }
    }

    @Test func pngEncodingRoundTrips() throws {
        var rng = SplitMix64(seed: 3)
        for channels in [1, 3] {
            let pixels = (0..<(7 * 5 * channels)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            let image = try #require(RasterImage(width: 7, height: 5, channels: channels, pixels: pixels))
            #expect(try ImageDecoder().decode(image.pngData()) == image)
        }
    }
}

/// JPEG writing and decoding at a reduced size for large photos.
@Suite struct ReducedDecodingTests {
    /// A white RGB page with a black square at (x, y) of side `side`.
    static func page(width: Int, height: Int, square: (x: Int, y: Int, side: Int)) throws -> RasterImage {
        var pixels = [UInt8](repeating: 245, count: width * height * 3)
        for y in square.y..<(square.y + square.side) {
            for x in square.x..<(square.x + square.side) { for c in 0..<3 { pixels[(y * width + x) * 3 + c] = 15 } }
        }
        return try #require(RasterImage(width: width, height: height, channels: 3, pixels: pixels))
    }

    @Test func jpegWrittenAtHighQualityReadsBackClose() throws {
        let image = try Self.page(width: 64, height: 48, square: (8, 8, 16))
        let decoded = try ImageDecoder().decode(try image.jpegData(quality: 95))
        #expect(decoded.width == 64 && decoded.height == 48 && decoded.channels == 3)
        let difference = zip(image.pixels, decoded.pixels).map { abs(Int($0) - Int($1)) }.max() ?? 255
        #expect(difference < 40)
        #expect(try image.jpegData(quality: 10).count < image.jpegData(quality: 95).count)
    }

    @Test func largeJPEGsDecodeReducedAndBoxesStayInTheFilesCoordinates() throws {
        let bytes = try Self.page(width: 1600, height: 1200, square: (600, 400, 240)).jpegData(quality: 90)
        // 1600 / 4 = 400 keeps at least 300 pixels; 1600 / 8 would not.
        let reduced = try ImageDecoder(reduceToLongestSide: 300).decode(bytes)
        #expect(reduced.width == 400 && reduced.height == 300)
        #expect(reduced.sourceWidth == 1600 && reduced.sourceHeight == 1200)
        let full = try ImageDecoder().decode(bytes)
        #expect(full.width == 1600 && full.sourceWidth == 1600)
        let box = try #require(DigitExtractor(options: .init(mode: .single)).extract(reduced).digits.first?.box)
        #expect(abs(box.x - 600) <= 8 && abs(box.y - 400) <= 8 && abs(box.width - 240) <= 16 && abs(box.height - 240) <= 16, "\(box)")
    }
}
