import Foundation
import Testing
@testable import DigitsKit

/// A pen lying on the page is no digit, while a digit's own long straight stroke stays with it.
@Suite struct StraightObjectsTests {
    typealias Page = DigitExtractorTests

    /// "47" in the default mode, with a tool beside it, right of x = 400: each of `strokes`
    /// drawn with its `pen` into a 440-pixel square at its origin (`Page.draw`). The two digits
    /// alone must be read.
    private func expectFortySevenAlone(beside strokes: [(strokes: [[(Float, Float)]], pen: Float)], at origins: [(Int, Int)]) {
        var ink = GrayImage(width: 700, height: 480)
        Page.draw(Page.four, size: 150, pen: 4, into: &ink, at: (40, 60))
        Page.draw(Page.seven, size: 150, pen: 4, into: &ink, at: (220, 60))
        for (tool, origin) in zip(strokes, origins) { Page.draw(tool.strokes, size: 440, pen: tool.pen, into: &ink, at: origin) }
        let boxes = DigitExtractor(options: .init(mode: .multi)).extract(Page.page(ink)).digits.map(\.box)
        #expect(boxes.count == 2 && boxes.allSatisfy { $0.maxX < 400 }, "\(boxes)")
    }

    /// "47" with a pen lying beside it, 2.8 times the digits' height and four times as wide as
    /// their strokes: it was read as a third digit.
    @Test func aPenBesideANumberIsNoDigit() {
        expectFortySevenAlone(beside: [([[(0.05, 0.05), (0.45, 0.95)]], 16)], at: [(420, 20)])
    }

    /// A white pen beside "47" whose two shaded sides threshold apart: two parallel lines, each
    /// as thin as the digits' strokes, so neither is a pen's body alone. Each was read as a 1.
    @Test func aWhitePensTwoSidesAreOneBody() {
        let side = (strokes: [[(Float(0.05), Float(0.05)), (0.35, 0.95)]], pen: Float(4))
        expectFortySevenAlone(beside: [side, side], at: [(420, 20), (456, 20)])
    }

    /// A white pen beside "47" whose lit side is too faint to keep: one thin line, its black cap
    /// joined to it at one end, as wide as a pen. It was read as a 1 on a line of its own.
    @Test func aWhitePensCapOnOneSideIsOneBody() {
        let capX = Float(0.1 + 18.0 / 440)
        expectFortySevenAlone(beside: [([[(0.1, 0.05), (0.1, 0.95)]], 4), ([[(capX, 0.68), (capX, 0.92)]], 18)],
                              at: [(460, 20), (460, 20)])
    }

    /// A pencil that the frame cuts, lying beside a small 4: what shows of it is 7 times the
    /// 4's height, more than a whole pen lying beside a digit ever is, so it was no tool and
    /// was read as a 1, alone or before the 4. The frame, not the digit, bounds what shows.
    @Test(arguments: [DigitExtractor.Mode.single, .multi])
    func aLongPencilCutByTheFrameIsNoDigit(mode: DigitExtractor.Mode) throws {
        let boxes = boxesBesideAPencil(Page.four, size: 120, pen: 3, at: (360, 420), pencil: [(0.12, 0), (0.16, 0.95)], mode: mode)
        #expect(boxes.count == 1 && boxes.allSatisfy { $0.x > 300 }, "the 4 spans about 90 × 102 px from (375, 429): \(boxes)")
    }

    /// A thin 1 beside a pencil that the frame cuts, over four times the 1's height
    /// (`scripts/bench/pen-photos.py` seed 13, pencil-021): next to the pencil, the largest
    /// ink, the 1 measured as small as a speck and was dropped, and the pencil was read as a 2.
    @Test(arguments: [DigitExtractor.Mode.single, .multi])
    func aThinOneBesideALongPencilIsTheDigit(mode: DigitExtractor.Mode) throws {
        let boxes = boxesBesideAPencil(Page.one, size: 160, pen: 1.5, at: (250, 240), pencil: [(0, 0.8), (0.75, 0.95)], mode: mode)
        #expect(boxes.count == 1 && boxes.allSatisfy { $0.maxY < 420 && $0.height > 110 },
                "the 1 spans about 20 × 130 px from (320, 255): \(boxes)")
    }

    /// The digits' boxes read in `mode` on a 600 × 800 page holding `digit` (drawn into a `size`
    /// square at `origin` with `pen`) and a pencil 28 px wide along `pencil`, in page fractions.
    private func boxesBesideAPencil(_ digit: [[(Float, Float)]], size: Int, pen: Float, at origin: (Int, Int),
                                    pencil: [(Float, Float)], mode: DigitExtractor.Mode) -> [PixelBox] {
        var ink = GrayImage(width: 600, height: 800)
        Page.draw(digit, size: size, pen: pen, into: &ink, at: origin)
        Page.draw([pencil], size: 800, pen: 14, into: &ink, at: (0, 0))
        return DigitExtractor(options: .init(mode: mode)).extract(Page.page(ink)).digits.map(\.box)
    }

    /// A 4 drawn in two strokes, its straight stem twice as long as its arm and apart from it:
    /// drawn by the same pen, the stem is no wider than the arm's stroke, so it is no pen.
    @Test func aFoursLongStemStaysWithItsArm() throws {
        var ink = GrayImage(width: 400, height: 400)
        let arm: [[(Float, Float)]] = [[(0.5, 0.3), (0.3, 0.62), (0.52, 0.62)]]
        Page.draw(arm, size: 200, pen: 5, into: &ink, at: (100, 100))
        Page.draw([[(0.65, 0.05), (0.65, 0.95)]], size: 200, pen: 5, into: &ink, at: (100, 100))
        let digits = DigitExtractor(options: .init(mode: .single)).extract(Page.page(ink)).digits
        let box = try #require(digits.first?.box)
        #expect(digits.count == 1 && box.height > 170 && box.width > 60, "the 4 spans 200 × 180 px from (160, 110): \(box)")
    }

    /// A drawing app's screenshot: a 1 drawn with a wide round pen above a row of thin colour
    /// rings. A ring is no digit for the 1 to lie beside as a pen: it stands in a row of marks.
    @Test func aOneDrawnAboveARowOfButtonsIsTheDigit() throws {
        var ink = GrayImage(width: 500, height: 700)
        Page.draw([[(0.5, 0.05), (0.5, 0.95)]], size: 260, pen: 12, into: &ink, at: (120, 100))
        let ring: [[(Float, Float)]] = [(0...24).map { k in
            let angle = Float(k) / 24 * 2 * .pi
            return (0.5 + 0.45 * cos(angle), 0.5 + 0.45 * sin(angle))
        }]
        for k in 0..<5 { Page.draw(ring, size: 64, pen: 1.5, into: &ink, at: (40 + 86 * k, 560)) }
        let box = try #require(DigitExtractor(options: .init(mode: .single)).extract(Page.page(ink)).digits.first?.box)
        #expect(box.y < 150 && box.maxY < 400, "the 1 spans y 110…350: \(box)")
    }

    /// A band holds all of a component's pixels: a solid bar fills it, a hollow one (two sides
    /// joined at a tip, as a white pen's shaded sides) spans it as wide, along all its length,
    /// and leaves paper between its sides; so does a chain of touching dots (a paint program's
    /// dotted brush), without that gap. A bow (a 7's bent stem) reaches across its band only
    /// here and there.
    @Test func aBandTellsSolidHollowDottedAndBentInkApart() throws {
        let side = 200
        var mask = [UInt8](repeating: 0, count: side * side)
        for y in 20...29 { for x in 10...109 { mask[y * side + x] = 2 } }
        for x in 10...109 { mask[80 * side + x] = 2; mask[99 * side + x] = 2 }
        for y in 80...99 { mask[y * side + 110] = 2 }
        for x in 10...109 {
            let middle = 150 + Int((15 * sin(Float.pi * Float(x - 10) / 99)).rounded())
            for y in middle...(middle + 3) { mask[y * side + x] = 2 }
        }
        // Dots of radius 6, 10 px apart along y = 185.
        for centre in stride(from: 16, through: 106, by: 10) {
            for y in 179...191 {
                for x in (centre - 6)...(centre + 6) where (x - centre) * (x - centre) + (y - 185) * (y - 185) <= 36 {
                    mask[y * side + x] = 2
                }
            }
        }
        let labelling = ComponentLabels(mask: mask, ink: GrayImage(width: side, height: side))
        let solid = try #require(Band(members: [0], labelling: labelling, width: side))
        #expect(abs(solid.length - 100) < 1.5 && abs(solid.width - 10) < 1.5, "\(solid)")
        #expect(abs(solid.clearance(x: 60, y: 40) - 10.5) < 1.5 && solid.clearance(x: 60, y: 25) < 0)
        let hollow = try #require(Band(members: [1], labelling: labelling, width: side))
        #expect(abs(hollow.length - 101) < 1.5 && abs(hollow.width - 20) < 1.5, "\(hollow)")
        let bow = try #require(Band(members: [2], labelling: labelling, width: side))
        let dots = try #require(Band(members: [3], labelling: labelling, width: side))
        for (index, band, spans, isHollow) in [(0, solid, true, false), (1, hollow, true, true), (2, bow, false, false), (3, dots, true, false)] {
            let slices = band.slices(of: [index], labelling: labelling, width: side)
            #expect((slices.spannedShare >= StraightObjects.spannedLength) == spans, "component \(index) spans \(slices.spannedShare) of its band")
            #expect((slices.hollowShare >= StraightObjects.hollowLength) == isHollow, "component \(index) is hollow along \(slices.hollowShare)")
        }
    }
}
