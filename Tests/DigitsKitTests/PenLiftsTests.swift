import Testing
@testable import DigitsKit

/// A stroke the pen left and took up again comes out whole, before it is shrunk to MNIST's
/// size; a stroke's end short of another's side is the digit's shape and stays as drawn.
@Suite struct PenLiftsTests {
    typealias Pen = DigitExtractorTests

    /// The pieces of the digit's crop (the step before it is shrunk): 8-connected runs of
    /// pixels at least half ink.
    static func cropPieces(_ ink: GrayImage) throws -> Int {
        let digit = try #require(DigitExtractor(options: .init(mode: .single)).extract(Pen.page(ink)).digits.first)
        let crop = try #require(digit.steps.first { $0.name == "crop" }?.image)
        let mask = crop.pixels.map { $0 >= 0.5 ? UInt8(2) : 0 }
        return ComponentLabels(mask: mask, ink: crop).components.count
    }

    /// A 1 whose stroke the pen left twice, 13 px of paper each time (a stroke's width): three
    /// blobs in a row, which MNIST's models take for a 5 or a 2.
    @Test func aStrokeCutAcrossComesOutWhole() throws {
        let along = { (t: Float) in (0.45 + 0.12 * t, 0.1 + 0.8 * t) }
        var ink = GrayImage(width: 300, height: 300)
        Pen.draw([[along(0), along(0.28)], [along(0.404), along(0.596)], [along(0.72), along(1)]],
                 size: 250, pen: 6, into: &ink, at: (25, 25))
        #expect(try Self.cropPieces(ink) == 1)
    }

    /// A 4 whose bar stops 5 px short of its upright's side: the gap runs across the upright,
    /// not along it, so it is no lift in a stroke but a stroke ending beside another, as a 5's
    /// bowl ends short of its stem; the model reads such shapes as drawn.
    @Test func aStrokeEndingBesideAnotherStaysApart() throws {
        var ink = GrayImage(width: 300, height: 300)
        Pen.draw([[(0.65, 0.1), (0.65, 0.9)], [(0.5, 0.1), (0.15, 0.65), (0.58, 0.65)]], size: 250, pen: 6, into: &ink, at: (25, 25))
        #expect(try Self.cropPieces(ink) == 2)
    }
}
