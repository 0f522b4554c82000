import Foundation
import Testing
@testable import DigitsKit

/// Pictures from the development set that the extractor once read wrong, read with the shipped
/// default model as `digits predict` does. Each names the failure it guards against; the box
/// checks say why the digit came out right, so a better model cannot hide a broken extractor.
@Suite struct RealPictureFailureTests {
    static func read(_ file: String, mode: DigitExtractor.Mode) throws -> ImageReading {
        let pipeline = try ModelFile.load(from: try DefaultModel.locate()).pipeline
        let decoder = ImageDecoder(reduceToLongestSide: DigitExtractor.Options().workingSize)
        let image = try ImageDecodingTests.decode(file, with: decoder)
        return try pipeline.read(image, with: DigitExtractor(options: .init(mode: mode)))
    }

    /// A 7 beside a soft shadow's edge: the paper estimate lags the edge, so a band of shade
    /// under the 7 looked like ink, joined the 7 as a stacked piece and made it a 2.
    @Test func aShadowsEdgeUnderADigitIsNotInk() throws {
        let reading = try Self.read("shadow-edge-seven.jpg", mode: .single)
        #expect(reading.text == "7")
        // The 7's ink ends at y ≈ 373; the band below reached y ≈ 437.
        let box = try #require(reading.digits.first?.crop.box)
        #expect(box.maxY <= 385, "\(box)")
    }

    /// A 9 whose stem the pencil drew apart from the loop: only the loop was read, as a 0.
    @Test func aStrokeLiftedOffBesideTheDigitIsPartOfIt() throws {
        let reading = try Self.read("lifted-stem-nine.jpg", mode: .single)
        #expect(reading.text == "9")
        let box = try #require(reading.digits.first?.crop.box)
        #expect(box.height > 230, "the loop alone is 133 px tall: \(box)")
    }

    /// "5901943517": the 5's hat, lifted off and drifting right over the gap to the 9, was read
    /// as a digit of its own on a line of its own.
    @Test func aFivesHatDriftingRightStaysWithItsBody() throws {
        let reading = try Self.read("drifting-hat-string.jpg", mode: .multi)
        // The last glyph, a 7 with a short rising hat, is as much a flagged 1 (the default model
        // reads 1 since it learned flagged 1s): the extraction is what this test is about.
        #expect(reading.digits.count == 10 && reading.text.hasPrefix("590194351"), "\(reading.text)")
    }

    /// A thin chalk 6 on a dark board: its strokes cover under 1 % of the picture, so the
    /// polarity test at the 1 % tails saw only the board and read the dark ground as paper.
    @Test func aThinLightLineOnADarkGroundIsInk() throws {
        let reading = try Self.read("thin-chalk-six.jpg", mode: .single)
        #expect(reading.text == "6")
        let box = try #require(reading.digits.first?.crop.box)
        #expect(box.height > 120, "the whole 6 is ≈136 px tall, its loop ≈60: \(box)")
    }
}
