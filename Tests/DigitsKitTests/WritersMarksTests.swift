import Foundation
import Testing
@testable import DigitsKit

/// A line the writer drew under the digit (apart from it or against its foot), or a ring around
/// it (apart from it or against it), is no part of the digit, in either mode; a 2's base and a
/// slashed zero's slash are.
@Suite struct WritersMarksTests {
    typealias Pen = DigitExtractorTests

    /// The digit's box read as one digit, and every digit's box read as a line of digits.
    static func boxes(_ ink: GrayImage) throws -> (single: PixelBox, multi: [PixelBox]) {
        let page = Pen.page(ink)
        let single = try #require(DigitExtractor(options: .init(mode: .single)).extract(page).digits.first?.box)
        return (single, DigitExtractor(options: .init(mode: .multi)).extract(page).digits.map(\.box))
    }

    /// Expects the 0 drawn at 300 px (`Pen.zero`, a ring 180 × 240 px) read whole in both
    /// modes, not only what lies inside it.
    static func expectWholeZero(_ ink: GrayImage) throws {
        let (single, multi) = try boxes(ink)
        #expect(single.width > 160 && single.height > 220, "the ring is 180 × 240 px: \(single)")
        #expect(multi.count == 1 && multi.allSatisfy { $0.width > 160 }, "\(multi)")
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

    /// A 7 (ink x 134…266, y 74…246) with a line 10 px under it, reaching only 2 px past it on
    /// each side, as a writer underlines in one quick stroke: read with the 7, the line made it
    /// a 2 or a 3.
    @Test func anUnderlineJustAsWideAsTheDigitIsNoPartOfIt() throws {
        var ink = GrayImage(width: 400, height: 360)
        Pen.draw(Pen.seven, size: 200, pen: 6, into: &ink, at: (100, 60))
        Pen.draw([[(0.17, 0.99), (0.83, 0.99)]], size: 200, pen: 4, into: &ink, at: (100, 60))
        let (single, multi) = try Self.boxes(ink)
        #expect(single.maxY < 254, "the line is at y 256…260: \(single)")
        #expect(multi.count == 1 && multi.allSatisfy { $0.maxY < 254 }, "\(multi)")
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

    /// A 7 (ink x 134…266, y 74…246) with a line drawn against its foot, reaching 18 px past it
    /// on each side: one mark with the 7, it made it a 2. A stub of the line under the foot stays.
    @Test func anUnderlineAgainstTheFootIsNoPartOfTheDigit() throws {
        var ink = GrayImage(width: 400, height: 360)
        Pen.draw(Pen.seven, size: 200, pen: 6, into: &ink, at: (100, 60))
        Pen.draw([[(0.1, 0.915), (0.9, 0.925)]], size: 200, pen: 4, into: &ink, at: (100, 60))
        let (single, multi) = try Self.boxes(ink)
        #expect(single.x > 125 && single.maxX < 275, "the line spans x 116…284: \(single)")
        #expect(multi.count == 1 && multi.allSatisfy { $0.x > 125 && $0.maxX < 275 }, "\(multi)")
    }

    /// A 4 whose bar ends at its stem (ink x 127…233, y 77…243) with a line drawn against the
    /// stem's foot from well left of the digit to 20 px past it, as a quick underline stops:
    /// no 2's base runs left from its foot, so the line is no part of the digit. Kept, it made
    /// the 4 a 1 or a 9.
    @Test func anUnderlineStoppingJustPastTheStemIsNoPartOfTheDigit() throws {
        var ink = GrayImage(width: 400, height: 360)
        Pen.draw([[(0.65, 0.9), (0.65, 0.1), (0.15, 0.65), (0.65, 0.65)]], size: 200, pen: 6, into: &ink, at: (100, 60))
        Pen.draw([[(0.05, 0.915), (0.75, 0.92)]], size: 200, pen: 4, into: &ink, at: (100, 60))
        let (single, multi) = try Self.boxes(ink)
        #expect(single.x > 118 && single.maxX < 245, "the line spans x 108…252: \(single)")
        #expect(multi.count == 1 && multi.allSatisfy { $0.x > 118 && $0.maxX < 245 }, "\(multi)")
    }

    /// "17" underlined with one line against both feet: the line beside and between them goes,
    /// and the two are read apart.
    @Test func anUnderlineAgainstTwoDigitsIsNoPartOfEither() throws {
        var ink = GrayImage(width: 480, height: 360)
        Pen.draw(Pen.one, size: 200, pen: 6, into: &ink, at: (60, 60))
        Pen.draw(Pen.seven, size: 200, pen: 6, into: &ink, at: (200, 60))
        Pen.draw([[(0.1, 0.92), (1.85, 0.92)]], size: 200, pen: 4, into: &ink, at: (60, 60))
        let multi = try Self.boxes(ink).multi
        #expect(multi.count == 2, "\(multi)")
        #expect(multi.first.map { $0.x > 130 && $0.maxX < 190 } == true, "the 1's ink spans x 144…176: \(multi)")
        #expect(multi.last.map { $0.x > 225 && $0.maxX < 375 } == true, "the 7's ink spans x 234…366: \(multi)")
    }

    /// A 2 drawn in one stroke, its base running on from the neck past the rest of it, keeps
    /// its base: an underline reaches past the digit on both sides.
    @Test func aTwosBaseDrawnOnFromTheNeckStaysWithIt() throws {
        let stroke: [(Float, Float)] = [(0.25, 0.3), (0.35, 0.12), (0.6, 0.1), (0.72, 0.25), (0.65, 0.45), (0.22, 0.9), (0.85, 0.9)]
        var ink = GrayImage(width: 400, height: 360)
        Pen.draw([stroke], size: 200, pen: 6, into: &ink, at: (100, 60))
        let (single, multi) = try Self.boxes(ink)
        #expect(single.maxX > 265, "the base ends at x 276: \(single)")
        #expect(multi.count == 1 && multi.allSatisfy { $0.maxX > 265 }, "\(multi)")
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

    /// A 1 (ink y 74…246, 0.61 of the ring's height), upright or leaning 25°, in a ring around
    /// it: a straight stroke inside a ring, it was taken for a slashed zero's slash and read 0.
    @Test(arguments: [7, 25])
    func aRingAroundAOneIsNoPartOfIt(leaningDegrees: Int) throws {
        let run = 0.4 * tan(Float(leaningDegrees) * .pi / 180)
        var ink = GrayImage(width: 400, height: 360)
        Pen.draw([[(0.5 + run, 0.1), (0.5 - run, 0.9)]], size: 200, pen: 6, into: &ink, at: (100, 60))
        Pen.draw(Pen.zero, size: 340, pen: 4, into: &ink, at: (30, -10))
        let (single, multi) = try Self.boxes(ink)
        // The ring spans x 94…306; the leaning 1, x 157…243.
        #expect(single.x > 150 && single.maxX < 250 && single.y > 60, "\(single)")
        #expect(multi.count == 1 && multi.allSatisfy { $0.x > 150 && $0.maxX < 250 }, "\(multi)")
    }

    /// A 4 (ink x 130…270, y 80…260) in a ring drawn against its left side and its foot: one
    /// mark with the 4, the ring made it a 0. The 4 is read alone, bitten where the two met.
    @Test func aRingAgainstTheDigitIsNoPartOfIt() throws {
        var ink = GrayImage(width: 400, height: 360)
        Pen.draw(Pen.four, size: 200, pen: 8, into: &ink, at: (100, 60))
        Pen.draw(Pen.zero, size: 250, pen: 5, into: &ink, at: (90, 40))
        let (single, multi) = try Self.boxes(ink)
        #expect(single.x > 120 && single.maxX < 280 && single.y > 70 && single.maxY < 275, "the ring spans x 90…340, y 60…290: \(single)")
        #expect(multi.count == 1 && multi.allSatisfy { $0.x > 120 && $0.maxX < 280 }, "\(multi)")
    }

    /// "17" in a ring around both, clear of them: read with the ring, they were one digit.
    /// Without it they are read apart.
    @Test func aRingAroundANumberLeavesItsDigitsApart() throws {
        let ring: [(Float, Float)] = (0...32).map { k in
            let angle = Float(k) / 32 * 2 * .pi
            return (0.5 + 0.47 * cos(angle), 0.5 + 0.4 * sin(angle))
        }
        var ink = GrayImage(width: 600, height: 400)
        Pen.draw(Pen.one, size: 200, pen: 6, into: &ink, at: (100, 100))
        Pen.draw(Pen.seven, size: 200, pen: 6, into: &ink, at: (230, 100))
        Pen.draw([ring], size: 400, pen: 3, into: &ink, at: (100, 0))
        let multi = try Self.boxes(ink).multi
        #expect(multi.count == 2, "\(multi)")
        #expect(multi.first.map { $0.x > 170 && $0.maxX < 230 } == true, "the 1's ink spans x 184…216: \(multi)")
        #expect(multi.last.map { $0.x > 250 && $0.maxX < 410 } == true, "the 7's ink spans x 264…396: \(multi)")
    }

    /// A 0 whose slash reaches its ring at both ends is one mark: still a slashed zero.
    @Test func aSlashAgainstAZerosRingStaysWithIt() throws {
        var ink = GrayImage(width: 400, height: 360)
        Pen.draw(Pen.zero, size: 300, pen: 6, into: &ink, at: (50, 30))
        Pen.draw([[(0.3, 0.85), (0.7, 0.15)]], size: 300, pen: 6, into: &ink, at: (50, 30))
        try Self.expectWholeZero(ink)
    }

    /// A 0 the pen went round again, inside the first pass from where it closed, is a 0.
    @Test func aZeroGoneRoundTwiceStaysWhole() throws {
        let inner: [(Float, Float)] = (0...20).map { k in
            let angle = Float(k) / 24 * 2 * .pi, narrowing = 0.06 * Float(k) / 20
            return (0.5 + (0.3 - narrowing) * cos(angle), 0.5 + (0.4 - narrowing) * sin(angle))
        }
        var ink = GrayImage(width: 400, height: 360)
        Pen.draw(Pen.zero + [inner], size: 300, pen: 3, into: &ink, at: (50, 30))
        try Self.expectWholeZero(ink)
    }

    /// A 0 with a slash inside it that does not reach its ring is a slashed zero, not a ringed 1:
    /// the slash spans under half the ring's height.
    @Test func aSlashInsideAZeroStaysWithIt() throws {
        var ink = GrayImage(width: 400, height: 360)
        Pen.draw(Pen.zero, size: 300, pen: 6, into: &ink, at: (50, 30))
        Pen.draw([[(0.38, 0.68), (0.62, 0.32)]], size: 300, pen: 6, into: &ink, at: (50, 30))
        try Self.expectWholeZero(ink)
    }
}
