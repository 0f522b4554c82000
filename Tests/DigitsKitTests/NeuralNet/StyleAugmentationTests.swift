import Testing
@testable import DigitsKit

@Suite struct StyleAugmentationTests {
    /// Digits 0–9 in turn, each an upright 1-like bar of 20 rows, except the 7s, a top bar and a
    /// slanted stem, and the 0s, an upright ring 13 px wide and 20 tall centred at (13.5, 13.5).
    /// Pixels in [0, 1]; labels as the network's label buffer holds them.
    static func strokeDigits(_ count: Int) -> (images: [Float], labels: [Int32]) {
        var images = [Float](repeating: 0, count: count * 784)
        for n in 0..<count {
            let base = n * 784, slant = Float(n % 3)
            if n % 10 == 0 {
                for y in 0..<28 {
                    for x in 0..<28 {
                        let (u, v) = ((Float(x) - 13.5) / 6, (Float(y) - 13.5) / 9.5)
                        let radius = (u * u + v * v).squareRoot()
                        if (0.8...1.05).contains(radius) { images[base + y * 28 + x] = 1 }
                    }
                }
            } else if n % 10 == 7 {
                for y in 4..<7 { for x in 8..<20 { images[base + y * 28 + x] = 1 } }
                for y in 7..<24 {
                    let x = 18 - Int(Float(y - 7) * (6 + slant) / 17)
                    for dx in 0..<3 { images[base + y * 28 + x + dx] = 1 }
                }
            } else {
                for y in 4..<24 {
                    let x = 13 + Int(Float(y - 4) * slant / 20)
                    for dx in 0..<3 { images[base + y * 28 + x + dx] = dx == 1 ? 1 : 0.7 }
                }
            }
        }
        return (images, (0..<count).map { Int32($0 % 10) })
    }

    static var styleOnly: Augmentation {
        var augmentation = Augmentation()
        augmentation.style = 1
        return augmentation
    }

    static func restyled(_ images: [Float], _ labels: [Int32], _ augmentation: Augmentation = styleOnly, seed: UInt64) -> [Float] {
        var copy = images
        copy.withUnsafeMutableBufferPointer {
            augmentation.apply($0.baseAddress!, count: labels.count, firstIndex: 0, seed: seed, labels: labels)
        }
        return copy
    }

    /// The ink `after` has that `before` had not, per pixel.
    static func added(_ before: [Float], _ after: [Float], image n: Int) -> [Float] {
        (0..<784).map { after[n * 784 + $0] - before[n * 784 + $0] }
    }

    @Test func onlyZerosOnesAndSevensChangeAndOnlyByGainingInk() {
        let (images, labels) = Self.strokeDigits(30)
        let styled = Self.restyled(images, labels, seed: 3)
        for n in 0..<30 {
            let added = Self.added(images, styled, image: n)
            #expect(added.allSatisfy { $0 >= 0 }, "image \(n) lost ink")
            if HandwritingStyle.applies(to: labels[n]) {
                #expect(added.reduce(0, +) > 5, "digit \(labels[n]) (image \(n)) got no stroke")
            } else {
                #expect(added.allSatisfy { $0 == 0 }, "digit \(labels[n]) (image \(n)) changed")
            }
        }
    }

    @Test func theNewStrokesStayInsideTheFrame() {
        // The digits pushed against the left edge, where a flag has no room.
        var (images, labels) = Self.strokeDigits(20)
        for n in 0..<20 {
            for y in 0..<28 {
                let row = n * 784 + y * 28
                let shifted = Array(images[(row + 10)..<(row + 28)]) + [Float](repeating: 0, count: 10)
                images.replaceSubrange(row..<(row + 28), with: shifted)
            }
        }
        labels = labels.map { $0 == 7 ? 7 : 1 }
        for seed in 0..<5 as Range<UInt64> {
            let styled = Self.restyled(images, labels, seed: seed)
            for n in 0..<20 {
                let added = Self.added(images, styled, image: n)
                let border = (0..<784).filter { min($0 % 28, $0 / 28, 27 - $0 % 28, 27 - $0 / 28) == 0 }
                #expect(border.allSatisfy { added[$0] == 0 }, "image \(n), seed \(seed): ink on the border")
            }
        }
    }

    @Test func aOneGetsAFlagUpLeftAndASevenACrossbarAtMidHeight() {
        let (images, labels) = Self.strokeDigits(40)
        let styled = Self.restyled(images, labels, seed: 8)
        for n in 0..<40 where labels[n] == 1 || labels[n] == 7 {
            let added = Self.added(images, styled, image: n)
            let mass = added.reduce(0, +)
            let x = (0..<784).reduce(Float(0)) { $0 + added[$1] * Float($1 % 28) } / mass
            let y = (0..<784).reduce(Float(0)) { $0 + added[$1] * Float($1 / 28) } / mass
            if labels[n] == 1 {
                // The stroke spans x 13–16 and y 4–23: the flag hangs off its top, to the left.
                #expect(x < 13 && y < 12, "image \(n): flag centred at (\(x), \(y))")
            } else {
                // Rows 4–23: 50–60 % of the height is rows 14–16, and a crossbar is wider than tall.
                let width = (0..<784).filter { added[$0] > 0.5 }.map { $0 % 28 }
                let height = (0..<784).filter { added[$0] > 0.5 }.map { $0 / 28 }
                #expect((13...17).contains(y), "image \(n): crossbar at row \(y)")
                #expect((width.max() ?? 0) - (width.min() ?? 0) > 2 * ((height.max() ?? 0) - (height.min() ?? 0)),
                        "image \(n): not a horizontal bar")
            }
        }
    }

    @Test func aZeroGetsASlashThroughItsMiddleLeaningRight() {
        let (images, labels) = Self.strokeDigits(50)
        let styled = Self.restyled(images, labels, seed: 9)
        for n in 0..<50 where labels[n] == 0 {
            let added = Self.added(images, styled, image: n)
            let inked = (0..<784).filter { added[$0] > 0.5 }
            let mass = added.reduce(0, +)
            let x = (0..<784).reduce(Float(0)) { $0 + added[$1] * Float($1 % 28) } / mass
            let y = (0..<784).reduce(Float(0)) { $0 + added[$1] * Float($1 / 28) } / mass
            // The ring spans rows 4–23; the slash shows inside it and where it crosses it.
            #expect(abs(x - 13.5) < 1.5 && abs(y - 13.5) < 1.5, "image \(n): slash centred at (\(x), \(y))")
            let rows = inked.map { $0 / 28 }
            #expect((rows.max() ?? 0) - (rows.min() ?? 0) >= 12, "image \(n): slash spans rows \(rows.min() ?? 0)–\(rows.max() ?? 0)")
            // Leaning right: its ink above the centre lies right of its ink below.
            let above = inked.filter { $0 / 28 < 12 }.map { Float($0 % 28) }
            let below = inked.filter { $0 / 28 > 15 }.map { Float($0 % 28) }
            let mean = { (xs: [Float]) in xs.reduce(0, +) / Float(max(1, xs.count)) }
            #expect(mean(above) > mean(below) + 2, "image \(n): not a slash leaning right")
        }
    }

    @Test func theStyleIsSeededAndLeavesTheOtherDistortionsAlone() {
        let (images, labels) = Self.strokeDigits(20)
        var everything = AugmentationTests.everything
        everything.style = 0
        #expect(Self.restyled(images, labels, seed: 4) == Self.restyled(images, labels, seed: 4))
        #expect(Self.restyled(images, labels, seed: 4) != Self.restyled(images, labels, seed: 5))
        // Style off, with or without labels: the very images the recipe drew before it existed.
        let without = AugmentationTests.augmented(images, everything, seed: 6)
        #expect(Self.restyled(images, labels, everything, seed: 6) == without)
        // Style on: digits other than 0, 1 and 7 still get exactly their old distortions.
        everything.style = 1
        let with = Self.restyled(images, labels, everything, seed: 6)
        for n in 0..<20 where !HandwritingStyle.applies(to: labels[n]) {
            #expect(AugmentationTests.image(with, n) == AugmentationTests.image(without, n), "image \(n)")
        }
    }

    @Test func theRecipeParameterTurnsItOn() throws {
        #expect(try NeuralNetworkTests.parameters(["style=0.3"]).augmentation?.style == 0.3)
        #expect(try NeuralNetworkTests.parameters(["style=0"]).augmentation == nil)
        #expect(throws: (any Error).self) { try NeuralNetworkTests.parameters(["style=1.5"]) }
    }
}
