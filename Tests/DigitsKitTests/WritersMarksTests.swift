import Testing
@testable import DigitsKit

/// A line the writer drew under the digit, or a ring around it, is no part of the digit, in
/// either mode; a 2's base drawn apart from its neck and a slashed zero's slash are.
@Suite struct WritersMarksTests {
    typealias Pen = DigitExtractorTests

    /// The digit's box read as one digit, and every digit's box read as a line of digits.
    static func boxes(_ ink: GrayImage) throws -> (single: PixelBox, multi: [PixelBox]) {
        let page = Pen.page(ink)
        let single = try #require(DigitExtractor(options: .init(mode: .single)).extract(page).digits.first?.box)
        return (single, DigitExtractor(options: .init(mode: .multi)).extract(page).digits.map(\.box))
    }

    /// A 4 (ink x 274…426, y 74…246) with a line 12 px under it, reaching 60 px past it on
    /// each side (too short for a ruled line): read with the 4, the line made it a 1.
    @Test func anUnderlineIsNoPartOfTheDigit() throws {
        var ink = GrayImage(width: 700, height: 360)
        Pen.draw(Pen.four, size: 200, pen: 6, into: &ink, at: (250, 60))
        Pen.draw([[(0.05, 0.5), (0.95, 0.52)]], size: 300, pen: 4, into: &ink, at: (200, 112))
        let (single, multi) = try Self.boxes(ink)
        #expect(single.maxY < 254 && single.x > 260, "\(single)")
        #expect(multi.count == 1 && multi.allSatisfy { $0.maxY < 254 && $0.x > 260 }, "\(multi)")
    }

    /// A 2 whose base the pen drew apart, starting under the neck's end, keeps its base.
    @Test func aTwosBaseDrawnApartStaysWithIt() throws {
        let neck: [(Float, Float)] = [(0.25, 0.3), (0.35, 0.12), (0.6, 0.1), (0.72, 0.25), (0.65, 0.45), (0.22, 0.82)]
        var ink = GrayImage(width: 400, height: 360)
        Pen.draw([neck, [(0.24, 0.9), (0.8, 0.9)]], size: 200, pen: 6, into: &ink, at: (100, 60))
        let (single, multi) = try Self.boxes(ink)
        #expect(single.maxY > 235, "the base is at y 234…246: \(single)")
        #expect(multi.count == 1 && multi.allSatisfy { $0.maxY > 235 }, "\(multi)")
    }

    /// A 7 (ink x 134…266, y 74…246) in a ring around it: read with the ring, it was a 0.
    @Test func aRingAroundTheDigitIsNoPartOfIt() throws {
        var ink = GrayImage(width: 400, height: 360)
        Pen.draw(Pen.seven, size: 200, pen: 6, into: &ink, at: (100, 60))
        Pen.draw(Pen.zero, size: 340, pen: 4, into: &ink, at: (30, -10))
        let (single, multi) = try Self.boxes(ink)
        #expect(single.x > 120 && single.maxX < 280 && single.y > 60, "\(single)")
        #expect(multi.count == 1 && multi.allSatisfy { $0.x > 120 && $0.maxX < 280 }, "\(multi)")
    }

    /// A 0 with a slash inside it that does not reach its ring is a slashed zero, not a ringed 1.
    @Test func aSlashInsideAZeroStaysWithIt() throws {
        var ink = GrayImage(width: 400, height: 360)
        Pen.draw(Pen.zero, size: 300, pen: 6, into: &ink, at: (50, 30))
        Pen.draw([[(0.38, 0.68), (0.62, 0.32)]], size: 300, pen: 6, into: &ink, at: (50, 30))
        let (single, multi) = try Self.boxes(ink)
        #expect(single.width > 160 && single.height > 220, "the ring is 180 × 240 px: \(single)")
        #expect(multi.count == 1 && multi.allSatisfy { $0.width > 160 }, "\(multi)")
    }
}
