import Testing
@testable import DigitsKit

/// Digits drawn as rows of dots, as a canvas that paints a dot per mouse event leaves a fast
/// stroke: read whole in a picture of one digit, while a few stray dots and a digit written in
/// strokes stay as they are.
@Suite struct DottedStrokesTests {
    /// A 6 of 38 dots (MNIST's thinned, redrawn as dots 2.5–4 radii apart) was read as one dot, a 1.
    @Test func aDigitOfDotsIsReadWhole() throws {
        let box = try RealPictureFailureTests.singleDigitBox("dotted-six.png", reading: "6")
        #expect(box.width >= 137 && box.height >= 238, "the dots span 141 × 242: \(box)")
    }

    /// A 200 × 200 picture holding the given filled rectangles (one component each), and the
    /// first of its groups with the dots that chain to it.
    static func assembled(_ rectangles: [(x: Int, y: Int, width: Int, height: Int)]) -> DigitGroup {
        let size = 200
        var mask = [UInt8](repeating: 0, count: size * size)
        for r in rectangles {
            for y in r.y..<(r.y + r.height) { for x in r.x..<(r.x + r.width) { mask[y * size + x] = 2 } }
        }
        let labelling = ComponentLabels(mask: mask, ink: GrayImage(width: size, height: size))
        let groups = labelling.components.indices.map { DigitGroup(labelling.components[$0], index: $0) }
        return DigitGroup.withDottedStrokes(groups[0], among: groups, labels: labelling.labels, width: size, height: size)
    }

    /// Eight dots 8 px wide, 12 px apart down a line.
    static let dots = (0..<8).map { (x: 50, y: 20 + 20 * $0, width: 8, height: 8) }

    @Test func aChainOfDotsJoinsTheDotFoundAndAFewStrayDotsDoNot() {
        // The chain, and a dot far off to the right on the first dot's row.
        let digit = Self.assembled(Self.dots + [(x: 150, y: 20, width: 8, height: 8)])
        #expect(digit.members.count == 8)
        #expect(digit.box == PixelBox(x: 50, y: 20, width: 8, height: 148))
        // Three dots are stray marks.
        #expect(Self.assembled(Array(Self.dots.prefix(3))).members.count == 1)
    }

    @Test func aDigitWrittenInStrokesGathersNoDots() {
        // A bar (a 1) starting on the row above the dots: found first, it is no dot.
        let digit = Self.assembled([(x: 100, y: 10, width: 8, height: 160)] + Self.dots)
        #expect(digit.members.count == 1 && digit.height == 160)
    }
}
