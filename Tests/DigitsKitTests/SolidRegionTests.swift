import Testing
@testable import DigitsKit

/// A solid region (a sheet read inverted, the paper inside a fat 0) against a digit's strokes.
@Suite struct SolidRegionTests {
    /// The one component `inside(x, y)` draws on a 100 × 100 mask, as a group, with its labels.
    static func solid(_ inside: (Int, Int) -> Bool) -> Bool {
        let mask = (0..<10_000).map { inside($0 % 100, $0 / 100) ? UInt8(2) : 0 }
        let labelling = ComponentLabels(mask: mask, ink: GrayImage(width: 100, height: 100))
        return DigitGroup(labelling.components[0], index: 0).isSolidRegion(labels: labelling.labels, width: 100)
    }

    @Test func aSheetOrABlobIsSolid() {
        #expect(Self.solid { x, y in (20..<80).contains(x) && (10..<90).contains(y) })
        #expect(Self.solid { x, y in (x - 50) * (x - 50) + (y - 50) * (y - 50) < 40 * 40 })
    }

    @Test func strokesAreNot() {
        // A fat 0: a ring 12 px thick, 60 × 80.
        #expect(!Self.solid { x, y in
            let outer = Float((x - 50) * (x - 50)) / 900 + Float((y - 50) * (y - 50)) / 1600
            let inner = Float((x - 50) * (x - 50)) / 324 + Float((y - 50) * (y - 50)) / 784
            return outer < 1 && inner >= 1
        })
        // A fat 1 filling its box sideways: 24 px wide, 80 tall.
        #expect(!Self.solid { x, y in (38..<62).contains(x) && (10..<90).contains(y) })
    }
}
