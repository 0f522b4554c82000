import Testing
@testable import DigitsKit

/// A thumb reaching in from the edge, touching the digit or beside it, against digits that the
/// frame cuts and that have wide parts of their own.
@Suite struct EdgeObjectsTests {
    static let side = 200

    /// The mask `inside(x, y)` draws on a 200 × 200 picture, after `EdgeObjects.cutAway` over all
    /// its components, labelled again; and whether anything was cut.
    static func cut(_ inside: (Int, Int) -> Bool) -> (labelling: ComponentLabels, cut: Bool) {
        var mask = (0..<side * side).map { inside($0 % side, $0 / side) ? UInt8(2) : 0 }
        let ink = GrayImage(width: side, height: side)
        let labelling = ComponentLabels(mask: mask, ink: ink)
        let cut = EdgeObjects.cutAway(from: &mask, labelling: labelling, kept: Array(labelling.components.indices),
                                      width: side, height: side)
        return (ComponentLabels(mask: mask, ink: ink), cut)
    }

    /// A thumb from the left edge: half an ellipse 62 px deep and 80 px across.
    static func thumb(_ x: Int, _ y: Int) -> Bool {
        Float(x * x) / (62 * 62) + Float((y - 100) * (y - 100)) / (40 * 40) < 1
    }

    /// A 1, 8 px wide, from y = 40 to 170, beside the thumb's tip (x = 60…67).
    static func one(_ x: Int, _ y: Int) -> Bool { (60..<68).contains(x) && (40..<170).contains(y) }

    /// What is left away from the frame, and whether what is left at it is only the slivers in
    /// the corners between the thumb's curve and the frame (which the filters and the single
    /// digit choice then pass over as cut by the frame).
    static func leftOver(_ labelling: ComponentLabels) -> (inside: [PixelBox], onlySliversAtTheFrame: Bool) {
        let atFrame = labelling.components.filter { $0.minX == 0 }
        return (labelling.components.filter { $0.minX > 0 && $0.area > 20 }.map(\.box),
                atFrame.allSatisfy { $0.width <= 20 && $0.height <= 20 })
    }

    @Test func aThumbTouchingTheDigitIsCutAway() {
        let (labelling, cut) = Self.cut { x, y in Self.thumb(x, y) || Self.one(x, y) }
        #expect(cut)
        let (inside, onlySlivers) = Self.leftOver(labelling)
        // The 1 is left whole, or in two pieces where the thumb's tip touched it.
        #expect(onlySlivers && !inside.isEmpty && inside.allSatisfy { $0.x >= 55 }, "\(labelling.components.map(\.box))")
        #expect(inside.map(\.y).min() == 40 && inside.map(\.maxY).max() == 170, "\(inside)")
    }

    @Test func aThumbBesideTheDigitIsCutAway() {
        // The 1 moved 30 px to the right: two components.
        let (labelling, cut) = Self.cut { x, y in Self.thumb(x, y) || Self.one(x - 30, y) }
        #expect(cut)
        let (inside, onlySlivers) = Self.leftOver(labelling)
        #expect(onlySlivers && inside == [PixelBox(x: 90, y: 40, width: 8, height: 130)], "\(labelling.components.map(\.box))")
    }

    @Test func aMarkerSixWithAFilledLoopOnTheFrameIsKept() {
        // The loop, filled, is a disc of radius 40 resting on the bottom edge; the stem rises
        // from it, 10 px wide.
        let (_, cut) = Self.cut { x, y in
            (x - 100) * (x - 100) + (y - 160) * (y - 160) < 40 * 40 || ((62..<72).contains(x) && (30..<160).contains(y))
        }
        #expect(!cut)
    }

    @Test func aMarkerEightWithAFilledLowerLoopCroppedToItsInkIsKept() {
        // The lower loop, filled, fills the bottom of the picture; the upper loop, a ring 12 px
        // thick, reaches the top edge.
        let (_, cut) = Self.cut { x, y in
            let upper = (x - 100) * (x - 100) + (y - 49) * (y - 49)
            return (x - 100) * (x - 100) + (y - 150) * (y - 150) < 60 * 60 || (upper < 50 * 50 && upper >= 38 * 38)
        }
        #expect(!cut)
    }

    @Test func aFatZeroCroppedToItsInkIsKept() {
        // A ring 30 px thick touching all four sides.
        let (_, cut) = Self.cut { x, y in
            let r = (x - 100) * (x - 100) + (y - 100) * (y - 100)
            return r < 100 * 100 && r >= 70 * 70
        }
        #expect(!cut)
    }

    @Test func aFatOneCroppedBesideAThinDigitIsKept() {
        // A 1 of a marker, 30 px wide, cut by the top edge, beside a thin 7: strokes, not an object.
        let (_, cut) = Self.cut { x, y in
            ((20..<50).contains(x) && (0..<150).contains(y))
                || ((110..<170).contains(x) && (40..<44).contains(y)) || ((150..<154).contains(x) && (40..<150).contains(y))
        }
        #expect(!cut)
    }
}
