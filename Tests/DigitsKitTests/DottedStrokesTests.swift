import Testing
@testable import DigitsKit

/// Digits drawn as rows of dots, as a canvas that paints a dot per mouse event leaves a fast
/// stroke: read whole in either mode, while a few stray dots and a digit written in strokes
/// stay as they are.
@Suite struct DottedStrokesTests {
    /// A 6 of 38 dots (MNIST's thinned, redrawn as dots 2.5–4 radii apart) was read as one dot,
    /// a 1, and in the default mode as sixteen lines of 0s.
    @Test func aDigitOfDotsIsReadWhole() throws {
        let box = try RealPictureFailureTests.digitBoxInBothModes("dotted-six.png", reading: "6")
        #expect(box.width >= 137 && box.height >= 238, "the dots span 141 × 242: \(box)")
    }

    /// "724" in dots 8 px wide, 12 px apart (MNIST test digits 0, 1 and 4, thinned): each chain
    /// is one digit, and the digits, 60 px apart, stay three.
    @Test func aNumberOfDotsIsReadDigitByDigit() throws {
        let reading = try RealPictureFailureTests.read("dotted-number.png", mode: .multi)
        #expect(reading.text == "724")
        #expect(reading.digits.map(\.crop.box.height).allSatisfy { $0 > 120 }, "\(reading.digits.map(\.crop.box))")
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

    /// `pieces`, one per rectangle, after chaining in lines of digits: the rectangles before
    /// `specksFrom` are kept marks, the rest specks.
    static func chained(_ rectangles: [(x: Int, y: Int, width: Int, height: Int)], specksFrom: Int) -> [DigitGroup] {
        let size = 200
        var mask = [UInt8](repeating: 0, count: size * size)
        for r in rectangles {
            for y in r.y..<(r.y + r.height) { for x in r.x..<(r.x + r.width) { mask[y * size + x] = 2 } }
        }
        // Full ink: each mark's mass is its area.
        let labelling = ComponentLabels(mask: mask, ink: GrayImage(width: size, height: size, repeating: 1))
        let groups = labelling.components.indices.map { DigitGroup(labelling.components[$0], index: $0) }
        let isSpeck = { (group: DigitGroup) in
            let c = labelling.components[group.members[0]]
            return !rectangles.prefix(specksFrom).contains { $0.x == c.minX && $0.y == c.minY }
        }
        return DigitGroup.withDotsChained(groups.filter { !isSpeck($0) }, specks: groups.filter(isSpeck),
                                          labels: labelling.labels, width: size, height: size)
    }

    @Test func inLinesOfDigitsEachChainOfDotsIsOnePiece() {
        // Two chains 92 px apart, the second all specks.
        let pieces = Self.chained(Self.dots + Self.dots.map { (x: $0.x + 100, y: $0.y, width: 8, height: 8) }, specksFrom: 8)
        #expect(pieces.count == 2 && pieces.allSatisfy { $0.members.count == 8 && $0.height == 148 })
    }

    @Test func aFewDotsBesideWritingStayApart() {
        // A bar with a chain of 5 dots beside it that holds less ink: as it was. Three dots alone too.
        let bar = (x: 120, y: 10, width: 8, height: 180)
        let withBar = Self.chained([bar] + Self.dots.prefix(5), specksFrom: 6)
        #expect(withBar.count == 6 && withBar.allSatisfy { $0.members.count == 1 })
        #expect(Self.chained(Array(Self.dots.prefix(3)), specksFrom: 3).count == 3)
    }

    @Test func aChainTakesTheRunsOfDotsThatTouched() {
        // The fourth and fifth dots run together into one piece 28 px long: still one chain.
        let run = (x: 50, y: 80, width: 8, height: 28)
        let pieces = Self.chained(Self.dots.prefix(3) + [run] + Self.dots.suffix(3), specksFrom: 7)
        #expect(pieces.count == 1 && pieces.allSatisfy { $0.members.count == 7 && $0.height == 148 })
    }

    @Test func writingInStrokesAsWideAsTheDotsKeepsItsPieces() {
        // Five dots leading to six short strokes of their width: the strokes outnumber the dots.
        let leader = (0..<5).map { (x: 10 + 16 * $0, y: 100, width: 8, height: 8) }
        let strokes = (0..<6).map { (x: 90 + 16 * $0, y: 70, width: 8, height: 40) }
        let pieces = Self.chained(leader + strokes, specksFrom: 11)
        #expect(pieces.count == 11)
    }
}
