import Testing
@testable import DigitsKit

/// Digits drawn as a display shows them, every bar its own stroke: read whole in a picture of
/// one digit, while a curved digit, a thick object and a neighbour cut by the frame stay apart.
@Suite struct SegmentBarsTests {
    /// A 2 of five separate bars (`scripts/bench/segment-digits.py`'s gapped kind) was read as
    /// its top bar, a 7.
    @Test func aDigitOfSeparateBarsIsReadWhole() throws {
        let box = try RealPictureFailureTests.singleDigitBox("segment-gapped-two.png", reading: "2")
        #expect(box.width >= 92 && box.height >= 158, "the glyph is 96 × 162: \(box)")
    }

    /// A 120 × 120 picture with the given filled rectangles as ink; its groups, one per component.
    static func picture(_ rectangles: [(ClosedRange<Int>, ClosedRange<Int>)]) -> (ComponentLabels, [DigitGroup]) {
        let side = 120
        var mask = [UInt8](repeating: 0, count: side * side)
        for (xs, ys) in rectangles { for y in ys { for x in xs { mask[y * side + x] = 2 } } }
        let labelling = ComponentLabels(mask: mask, ink: GrayImage(width: side, height: side))
        return (labelling, labelling.components.indices.map { DigitGroup(labelling.components[$0], index: $0) })
    }

    static func assembled(_ rectangles: [(ClosedRange<Int>, ClosedRange<Int>)], from first: Int = 0) -> DigitGroup {
        let (labelling, groups) = picture(rectangles)
        return DigitGroup.withSegments(groups[first], among: groups, labelling: labelling, width: 120)
    }

    @Test func theBarsOfADisplayDigitJoinTheOneFound() {
        // A 4 as a display draws it: upper left side, middle bar, right side in two, with gaps.
        let four = Self.assembled([(30...35, 20...52), (42...72, 58...63), (80...85, 20...52), (80...85, 68...100)])
        #expect(four.members.count == 4)
        #expect(four.box == PixelBox(x: 30, y: 20, width: 56, height: 81))
    }

    @Test func aCurvedDigitAThickObjectAndACutNeighbourStayApart() {
        // A ring (a 0 written in one curve) is no bar: the bar beside it is not its segment.
        var ring: [(ClosedRange<Int>, ClosedRange<Int>)] = [(30...60, 20...25), (30...60, 75...80), (30...35, 20...80), (55...60, 20...80)]
        ring.append((70...75, 30...70))
        #expect(Self.assembled(ring).members.count == 1)
        // A 1 beside a pen lying on the desk, four times its thickness (the pen comes first).
        #expect(Self.assembled([(40...45, 20...90), (60...83, 10...100)], from: 1).members.count == 1)
        // A 1 beside a bar that the frame cuts (touching the right border).
        #expect(Self.assembled([(80...85, 20...90), (100...119, 50...55)]).members.count == 1)
    }

    @Test func aStraightBarIsMeasuredAlongAndAcross() throws {
        let (labelling, _) = Self.picture([(10...49, 10...15), (60...65, 20...25)])
        let bar = try #require(StraightBar(component: 0, labelling: labelling, width: 120))
        #expect(abs(bar.length - 40) < 1 && abs(bar.thickness - 6) < 1, "\(bar)")
        // A square blob is no bar.
        #expect(StraightBar(component: 1, labelling: labelling, width: 120) == nil)
    }
}
