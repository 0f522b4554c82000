import Foundation
import Testing
@testable import DigitsKit

/// A digit's outline is an edge; a patch a flash lit, read inverted, has a slope for an outline.
@Suite struct OutlineSteepnessTests {
    /// The steepness of the group that the pixels of a 200 × 200 page `grey(x, y)` (dark on light)
    /// darker than one half make.
    static func steepness(_ grey: (Float, Float) -> Float) -> Float {
        let page = GrayImage(checkedWidth: 200, height: 200, pixels: (0..<40_000).map { grey(Float($0 % 200), Float($0 / 200)) })
        let mask = page.pixels.map { $0 < 0.5 ? UInt8(2) : 0 }
        let labelling = ComponentLabels(mask: mask, ink: page)
        return DigitGroup(labelling.components[0], index: 0).outlineSteepness(labels: labelling.labels, page: page)
    }

    @Test func aBlurredRingIsAnEdge() {
        // A 0's ring, 20 px thick, its edges blurred over ±4 px.
        let steepness = Self.steepness { x, y in
            let r = ((x - 100) * (x - 100) + (y - 100) * (y - 100)).squareRoot()
            let depth = min(r - 50, 70 - r)
            return 1 - 0.9 * min(1, max(0, (depth + 4) / 8))
        }
        #expect(steepness >= DigitGroup.edgeSteepness, "\(steepness)")
    }

    @Test func aLitPatchFallingOffIsASlope() {
        // Inverted, a patch lit from the middle: dark in the middle, lighter and lighter outwards.
        let steepness = Self.steepness { x, y in
            let r2 = ((x - 100) * (x - 100) + (y - 100) * (y - 100)) / (100 * 100)
            return min(1, 0.1 + 0.8 * r2)
        }
        #expect(steepness < DigitGroup.edgeSteepness, "\(steepness)")
    }
}
