import Foundation
import Testing
@testable import DigitsKit

/// A digit's outline is an edge; a patch a flash lit, read inverted, has a slope for an outline.
@Suite struct OutlineSteepnessTests {
    /// The group that the pixels of a 200 × 200 page `grey(x, y)` (dark on light) darker than one
    /// half make, with its labels and page.
    static func group(_ grey: (Float, Float) -> Float) -> (group: DigitGroup, labels: [Int32], page: GrayImage) {
        let page = GrayImage(checkedWidth: 200, height: 200, pixels: (0..<40_000).map { grey(Float($0 % 200), Float($0 / 200)) })
        let mask = page.pixels.map { $0 < 0.5 ? UInt8(2) : 0 }
        let labelling = ComponentLabels(mask: mask, ink: page)
        return (DigitGroup(labelling.components[0], index: 0), labelling.labels, page)
    }

    static func steepness(_ grey: (Float, Float) -> Float) -> Float {
        let (group, labels, page) = group(grey)
        return group.outlineSteepness(labels: labels, page: page)
    }

    static func isSloping(_ grey: (Float, Float) -> Float) -> Bool {
        let (group, labels, page) = group(grey)
        return group.hasSlopingOutline(labels: labels, page: page)
    }

    /// A 0's ring, 20 px thick, its edges blurred over ±4 px.
    static func blurredRing(x: Float, y: Float) -> Float {
        let r = ((x - 100) * (x - 100) + (y - 100) * (y - 100)).squareRoot()
        let depth = min(r - 50, 70 - r)
        return 1 - 0.9 * min(1, max(0, (depth + 4) / 8))
    }

    /// Inverted, a patch lit from the middle: dark in the middle, lighter and lighter outwards.
    static func litPatch(x: Float, y: Float) -> Float {
        let r2 = ((x - 100) * (x - 100) + (y - 100) * (y - 100)) / (100 * 100)
        return min(1, 0.1 + 0.8 * r2)
    }

    @Test func aBlurredRingIsAnEdge() {
        let steepness = Self.steepness(Self.blurredRing)
        #expect(steepness >= DigitGroup.edgeSteepness, "\(steepness)")
        #expect(!Self.isSloping(Self.blurredRing))
    }

    @Test func aLitPatchFallingOffIsASlope() {
        let steepness = Self.steepness(Self.litPatch)
        #expect(steepness < DigitGroup.edgeSteepness, "\(steepness)")
        #expect(Self.isSloping(Self.litPatch))
    }

    /// A lamp's pool with the digit at its rim (`flash-photos.py` seed 1, desk-lamp 002): read
    /// inverted, the digit's light strokes cut into the patch from the frame, and their sharp
    /// edges are most of its outline, but much of it still falls off as light does.
    @Test func aLitPatchCutByTheDigitAtItsRimIsASlope() {
        let cut = { (x: Float, y: Float) -> Float in
            // Five light strokes, 6 px wide, from the bottom of the frame into the patch.
            let inStroke = y > 60 && [60, 80, 100, 120, 140].contains { abs(x - $0) < 3 }
            return inStroke ? 1 : Self.litPatch(x: x, y: y)
        }
        let steepness = Self.steepness(cut)
        #expect(steepness >= DigitGroup.edgeSteepness, "the median is the strokes' edge: \(steepness)")
        #expect(Self.isSloping(cut))
    }

    static func isBlurredHole(_ grey: (Float, Float) -> Float) -> Bool {
        let (group, labels, page) = group(grey)
        return group.isBlurredHole(labels: labels, page: page)
    }

    /// Read upright, the hole of a light digit drawn with a soft brush: a round dark blob whose
    /// edge falls off over ±15 px.
    static func softHole(x: Float, y: Float) -> Float {
        let r = ((x - 100) * (x - 100) + (y - 100) * (y - 100)).squareRoot()
        return 1 - 0.9 * min(1, max(0, (45 - r) / 30))
    }

    @Test func aSoftRoundHoleIsABlurredHole() {
        #expect(Self.isBlurredHole(Self.softHole))
    }

    /// The dark room in a corner beyond a lamp's pool is soft and round too, but the frame cuts
    /// it: no hole of a digit.
    @Test func aSoftBlobAtTheFrameIsNoHole() {
        let corner = { (x: Float, y: Float) -> Float in Self.softHole(x: x + 100, y: y + 100) }
        #expect(!Self.isBlurredHole(corner))
    }

    /// The ink in a lamp's pool is strokes, and a pen's edge is sharp: a ring of strokes (however
    /// blurred), or a disc with a sharp edge, is no light digit's hole.
    @Test func penInkIsNoBlurredHole() {
        #expect(!Self.isBlurredHole(Self.blurredRing))
        let sharpDisc = { (x: Float, y: Float) -> Float in (x - 100) * (x - 100) + (y - 100) * (y - 100) < 900 ? 0.1 : 1 }
        #expect(!Self.isBlurredHole(sharpDisc))
    }
}
