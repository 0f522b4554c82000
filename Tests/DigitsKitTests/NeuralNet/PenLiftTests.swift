import Testing
@testable import DigitsKit

@Suite struct PenLiftTests {
    /// A 28×28 image inked (1) where `inked(x, y)` holds.
    static func drawing(_ inked: (Int, Int) -> Bool) -> [Float] {
        (0..<784).map { inked($0 % 28, $0 / 28) ? 1 : 0 }
    }

    /// `image` after a gap `width` wide is cut through its `pick`th ink pixel.
    static func cut(_ image: [Float], width: Float, pick: Int) -> [Float] {
        var copy = image
        copy.withUnsafeMutableBufferPointer { PenLift.cutAcross($0.baseAddress!, width: width, pick: UInt64(pick)) }
        return copy
    }

    /// The 8-connected pieces of the ink above 0.5.
    static func pieces(_ image: [Float]) -> Int {
        var seen = image.map { $0 <= 0.5 }, count = 0
        for start in 0..<784 where !seen[start] {
            count += 1
            var stack = [start]
            seen[start] = true
            while let p = stack.popLast() {
                for dy in -1...1 {
                    for dx in -1...1 {
                        let (x, y) = (p % 28 + dx, p / 28 + dy)
                        guard (0..<28).contains(x), (0..<28).contains(y), !seen[y * 28 + x] else { continue }
                        seen[y * 28 + x] = true
                        stack.append(y * 28 + x)
                    }
                }
            }
        }
        return count
    }

    @Test func aGapPartsTheStrokeItCutsAndLeavesItsNeighbourWhole() {
        // Two upright strokes three pixels wide and four apart, like "11".
        let strokes = Self.drawing { x, y in (4..<24).contains(y) && ((8..<11).contains(x) || (15..<18).contains(x)) }
        let ink = strokes.indices.filter { strokes[$0] > 0.5 }
        for pick in ink.indices {
            let (y, x) = (ink[pick] / 28, ink[pick] % 28)
            // A cut at a stroke's very end shortens it rather than parting it.
            guard (6..<22).contains(y) else { continue }
            let after = Self.cut(strokes, width: 1.5, pick: pick)
            let (cutColumns, wholeColumns) = x < 14 ? (8..<11, 15..<18) : (15..<18, 8..<11)
            #expect(Self.pieces(after) == 3, "a cut at (\(x), \(y)) left \(Self.pieces(after)) pieces")
            let untouched = wholeColumns.allSatisfy { column in (0..<28).allSatisfy { row in after[row * 28 + column] == strokes[row * 28 + column] } }
            #expect(untouched, "a cut at (\(x), \(y)) reached the other stroke")
            var lost: Float = 0
            for row in 0..<28 {
                for column in cutColumns { lost += strokes[row * 28 + column] - after[row * 28 + column] }
            }
            #expect(lost <= 3 * 3, "a cut at (\(x), \(y)) took \(lost) pixels of ink, more than three rows of the stroke")
        }
    }

    @Test func aGapRunsSquareAcrossASlantedStroke() {
        // A stroke at 45°, three pixels across: a cut along it would take a long stretch of it
        // and leave one piece, a cut across it parts it in two.
        let stroke = Self.drawing { x, y in (4..<24).contains(x) && abs(x - y) <= 1 }
        let ink = stroke.indices.filter { stroke[$0] > 0.5 }
        let middle = ink.indices.filter { (11..<17).contains(ink[$0] % 28) }
        for pick in middle {
            let after = Self.cut(stroke, width: 1.5, pick: pick)
            #expect(Self.pieces(after) == 2, "a cut at \(ink[pick] % 28), \(ink[pick] / 28) left \(Self.pieces(after)) pieces")
            #expect(stroke.reduce(0, +) - after.reduce(0, +) < 12, "a cut at \(ink[pick] % 28), \(ink[pick] / 28) took too much ink")
        }
    }

    @Test func aDigitWithTooLittleInkIsLeftAlone() {
        let speck = Self.drawing { x, y in (12..<15).contains(x) && (12..<15).contains(y) }
        #expect(Self.cut(speck, width: 2, pick: 4) == speck)
    }

    @Test func theRecipeParameterTurnsItOn() throws {
        #expect(try NeuralNetworkTests.parameters(["gaps=0.2"]).augmentation?.gaps == 0.2)
        #expect(try NeuralNetworkTests.parameters(["gaps=0"]).augmentation == nil)
        #expect(throws: (any Error).self) { try NeuralNetworkTests.parameters(["gaps=1.5"]) }
    }
}
