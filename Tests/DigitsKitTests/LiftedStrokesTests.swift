import Testing
@testable import DigitsKit

/// Digits whose strokes failed to meet (`scripts/bench/broken-strokes.py`, three gaps a stroke
/// wide): read whole in a picture of one digit, while a neighbouring digit, a thicker mark and a
/// piece further than a pen lift stay apart.
@Suite struct LiftedStrokesTests {
    /// Each was read as its heaviest piece: the 5's lower bowl as a 2, the 1's lower half as a
    /// 6, the 6's loop as a 0. The crop must span the pieces, and each digit read right. The 1,
    /// cut across its stroke with a foot to the right, was read as 2 even whole, until its gap
    /// was filled (`PenLifts`).
    @Test(arguments: [("pen-lift-five.png", "5", 170), ("pen-lift-one.png", "1", 210), ("pen-lift-six.png", "6", 230)])
    func aDigitCutByPenLiftsIsReadWhole(file: String, digit: String, wholeHeight: Int) throws {
        let reading = try RealPictureFailureTests.read(file, mode: .single)
        #expect(reading.text == digit)
        let box = try #require(reading.digits.first?.crop.box)
        #expect(box.height >= wholeHeight, "the pieces span at least \(wholeHeight) px: \(box)")
    }

    /// A 200 × 200 picture holding the given filled rectangles (one component each), and its
    /// heaviest group, the digit a picture of one digit shows, with the pieces lifted off it.
    static func assembled(_ rectangles: [(x: Int, y: Int, width: Int, height: Int)]) -> DigitGroup {
        let size = 200
        var mask = [UInt8](repeating: 0, count: size * size)
        for r in rectangles {
            for y in r.y..<(r.y + r.height) { for x in r.x..<(r.x + r.width) { mask[y * size + x] = 2 } }
        }
        let ink = GrayImage(checkedWidth: size, height: size, pixels: mask.map { $0 == 0 ? 0 : 1 })
        let labelling = ComponentLabels(mask: mask, ink: ink)
        let groups = labelling.components.indices.map { DigitGroup(labelling.components[$0], index: $0) }
        let digit = DigitGroup.singleDigit(groups, isNotWriting: { $0.isSolidRegion(labels: labelling.labels, width: size, share: DigitGroup.blotRadiusShare) })!
        return DigitGroup.withLiftedStrokes(digit, among: groups, labels: labelling.labels, width: size, height: size)
    }

    @Test func aStrokeOfTheSamePenAPenWidthAwayJoins() {
        // A 4's upright, 10 px wide, and its left arm and bar (lighter) 10 px to its left.
        let digit = Self.assembled([(x: 100, y: 20, width: 10, height: 150), (x: 40, y: 20, width: 10, height: 90),
                                    (x: 40, y: 100, width: 50, height: 10)])
        #expect(digit.members.count == 2)
        #expect(digit.box == PixelBox(x: 40, y: 20, width: 70, height: 150))
    }

    @Test func aPieceBeyondTwoPenWidthsStaysApart() {
        // The same 4 with its arm 25 px from the upright.
        let digit = Self.assembled([(x: 100, y: 20, width: 10, height: 150), (x: 25, y: 20, width: 10, height: 90),
                                    (x: 25, y: 100, width: 50, height: 10)])
        #expect(digit.members.count == 1)
    }

    @Test func aNeighbouringDigitAndAThickerMarkStayApart() {
        // A 0-like ring 60 px wide, and another 15 px to its right: together wider than tall.
        let ring = { (x: Int) in [(x: x, y: 60, width: 60, height: 8), (x: x, y: 132, width: 60, height: 8),
                                  (x: x, y: 68, width: 8, height: 64), (x: x + 52, y: 68, width: 8, height: 64)] }
        let pair = Self.assembled([(x: 20, y: 60, width: 8, height: 80)] + ring(43))
        #expect(pair.members.count == 1, "a 1 beside a 0 stayed a 1: \(pair.box)")
        // A blot of 2.4 times the pen's width 4 px below a bar.
        let blot = Self.assembled([(x: 90, y: 10, width: 10, height: 160), (x: 83, y: 174, width: 24, height: 24)])
        #expect(blot.members.count == 1)
    }
}
