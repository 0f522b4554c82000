import Testing
@testable import DigitsKit

@Suite struct SegmentStyleTests {
    static var segmentsOnly: Augmentation {
        var augmentation = Augmentation()
        augmentation.segments = 1
        return augmentation
    }

    /// `count` digits labelled 0–9 in turn, each a full-ink upright bar of rows 4–23, `width`
    /// columns wide: something with a box and a pen to redraw.
    static func bars(_ count: Int, width: Int) -> (images: [Float], labels: [Int32]) {
        var images = [Float](repeating: 0, count: count * 784)
        for n in 0..<count {
            for y in 4..<24 { for x in (14 - width / 2)..<(14 - width / 2 + width) { images[n * 784 + y * 28 + x] = 1 } }
        }
        return (images, (0..<count).map { Int32($0 % 10) })
    }

    /// How many separate strokes cross the middle three columns of image `n`'s ink, top to
    /// bottom: a glyph's horizontal bars.
    static func barsAcrossTheMiddle(_ images: [Float], image n: Int) -> Int {
        let columns = (0..<784).filter { images[n * 784 + $0] > 0.5 }.map { $0 % 28 }
        let centre = (columns.min()! + columns.max()!) / 2
        let inked = (0..<28).map { y in ((centre - 1)...(centre + 1)).contains { images[n * 784 + y * 28 + $0] > 0.5 } }
        return (0..<28).filter { inked[$0] && ($0 == 0 || !inked[$0 - 1]) }.count
    }

    @Test func everyDigitButTheOnesIsRedrawnInItsOwnBox() {
        let (images, labels) = Self.bars(40, width: 6)
        let redrawn = StyleAugmentationTests.restyled(images, labels, Self.segmentsOnly, seed: 2)
        let border = (0..<784).filter { min($0 % 28, $0 / 28, 27 - $0 % 28, 27 - $0 / 28) == 0 }
        for n in 0..<40 {
            let before = Array(AugmentationTests.image(images, n)), after = Array(AugmentationTests.image(redrawn, n))
            if labels[n] == 1 {
                #expect(after == before, "a 1 (image \(n)) changed")
                continue
            }
            #expect(after != before, "digit \(labels[n]) (image \(n)) was not redrawn")
            let rows = (0..<784).filter { after[$0] > 0.5 }.map { $0 / 28 }
            #expect(abs(rows.min()! - 4) <= 1 && abs(rows.max()! - 23) <= 1, "image \(n): rows \(rows.min()!)–\(rows.max()!), the digit's 4–23")
            #expect(border.allSatisfy { after[$0] == 0 }, "image \(n): ink on the border")
        }
    }

    @Test func aThickerDigitGivesThickerBars() {
        let (thin, labels) = Self.bars(20, width: 4), thick = Self.bars(20, width: 10).images
        let (a, b) = (StyleAugmentationTests.restyled(thin, labels, Self.segmentsOnly, seed: 3),
                      StyleAugmentationTests.restyled(thick, labels, Self.segmentsOnly, seed: 3))
        for n in 0..<20 where labels[n] != 1 {
            // The same seed draws the same glyph: only the pen differs.
            #expect(AugmentationTests.inkMass(b, n) > 1.3 * AugmentationTests.inkMass(a, n), "digit \(labels[n]), image \(n)")
        }
    }

    @Test func theGlyphsHaveTheirBars() {
        let (images, labels) = Self.bars(100, width: 8)
        var (glyphs, exact) = (0, 0)
        for seed in 0..<3 as Range<UInt64> {
            let redrawn = StyleAugmentationTests.restyled(images, labels, Self.segmentsOnly, seed: seed)
            // A 0 has its top and bottom bars, a 4 its middle one, an 8 all three. A slanted
            // side bar may reach the middle columns too, so a count can be one too high.
            for n in 0..<100 where [0, 4, 8].contains(labels[n]) {
                let (expected, found) = ([0: 2, 4: 1, 8: 3][Int(labels[n])]!, Self.barsAcrossTheMiddle(redrawn, image: n))
                #expect(found >= expected, "digit \(labels[n]), image \(n), seed \(seed): \(found) bars")
                glyphs += 1
                exact += found == expected ? 1 : 0
            }
        }
        #expect(exact * 10 >= glyphs * 9, "\(exact) of \(glyphs) glyphs have exactly their bars")
    }

    @Test func theSegmentsAreSeededAndLeaveTheStyledDigitsAlone() {
        let (images, labels) = StyleAugmentationTests.strokeDigits(20)
        var everything = AugmentationTests.everything
        everything.style = 1
        let without = StyleAugmentationTests.restyled(images, labels, everything, seed: 6)
        everything.segments = 1
        let with = StyleAugmentationTests.restyled(images, labels, everything, seed: 6)
        #expect(with == StyleAugmentationTests.restyled(images, labels, everything, seed: 6))
        #expect(with != StyleAugmentationTests.restyled(images, labels, everything, seed: 7))
        // A slashed 0, flagged 1 or crossed 7 keeps its style: it is not redrawn on top.
        for n in 0..<20 where HandwritingStyle.applies(to: labels[n]) {
            #expect(AugmentationTests.image(with, n) == AugmentationTests.image(without, n), "image \(n)")
        }
    }

    @Test func theRecipeParameterTurnsItOn() throws {
        #expect(try NeuralNetworkTests.parameters(["segments=0.05"]).augmentation?.segments == 0.05)
        #expect(try NeuralNetworkTests.parameters(["segments=0"]).augmentation == nil)
        #expect(throws: (any Error).self) { try NeuralNetworkTests.parameters(["segments=2"]) }
    }
}
