import Foundation
import Testing
@testable import DigitsKit

/// Ruled lines at an angle are erased, and the strokes they cross stay.
@Suite struct TiltedLinesTests {
    typealias Page = DigitExtractorTests
    static let (width, height) = (600, 400)

    /// A 0/2 mask with `lines` drawn on it: ((x0, y0), (x1, y1), half width) each.
    static func mask(_ lines: [((Float, Float), (Float, Float), Float)]) -> [UInt8] {
        var mask = [UInt8](repeating: 0, count: width * height)
        for ((x0, y0), (x1, y1), halfWidth) in lines {
            let (dx, dy) = (x1 - x0, y1 - y0)
            let length = (dx * dx + dy * dy).squareRoot()
            for y in 0..<height {
                for x in 0..<width {
                    let (px, py) = (Float(x) + 0.5 - x0, Float(y) + 0.5 - y0)
                    let along = (px * dx + py * dy) / length
                    let across = abs(px * dy - py * dx) / length
                    if along >= 0, along <= length, across <= halfWidth { mask[y * width + x] = 2 }
                }
            }
        }
        return mask
    }

    static func inked(_ mask: [UInt8], _ x: Int, _ y: Int) -> Bool { mask[y * width + x] != 0 }

    static func changedPixels(_ mask: [UInt8], _ before: [UInt8]) -> Int { zip(mask, before).filter { $0 != $1 }.count }

    /// A ruled line turned 8° across the page, crossing a thick upright stroke: the line goes
    /// where it is alone, and the stroke stays whole, where the line crosses it too.
    @Test func aTurnedLineIsErasedAndTheStrokeItCrossesStays() {
        let rise = Float(Self.width) * tan(8 * Float.pi / 180)
        var mask = Self.mask([((0, 150), (Float(Self.width), 150 + rise), 1), ((300, 100), (300, 300), 6)])
        let before = mask
        let erased = TiltedLines.erase(from: &mask, evidence: mask, width: Self.width, height: Self.height)
        #expect(erased == 1)
        // The line passes x = 100 at y ≈ 164 and x = 500 at y ≈ 220.
        #expect(Self.inked(before, 100, 164) && !Self.inked(mask, 100, 164))
        #expect(Self.inked(before, 500, 220) && !Self.inked(mask, 500, 220))
        for y in 100..<300 { #expect(Self.inked(mask, 300, y), "the stroke at y = \(y)") }
    }

    /// A crease running across the page with a gap where it fades, for a fifteenth of its
    /// length, is one line all the same.
    @Test func aCreaseThatFadesForAWhileIsStillOneLine() {
        var mask = Self.mask([((0, 20), (280, 160), 1), ((320, 180), (600, 320), 1), ((420, 60), (430, 140), 5)])
        #expect(TiltedLines.erase(from: &mask, evidence: mask, width: Self.width, height: Self.height) == 1)
        #expect(!Self.inked(mask, 100, 70) && !Self.inked(mask, 500, 270))
        #expect(Self.inked(mask, 425, 100), "the mark beside it stays")
    }

    /// Alone on the page, a one-pixel line from edge to edge is the writing (a hairline 1), and
    /// stays; so does a thin straight stroke that ends well inside the frame, beside a border
    /// mark.
    @Test(arguments: [[((0, 380), (600, 20), Float(1))], [((0, 0), (20, 0), 1), ((150, 300), (350, 100), 1)]])
    func aLineThatIsTheWritingStays(lines: [((Float, Float), (Float, Float), Float)]) {
        var mask = Self.mask(lines)
        let before = mask
        #expect(TiltedLines.erase(from: &mask, evidence: mask, width: Self.width, height: Self.height) == 0)
        #expect(Self.changedPixels(mask, before) == 0)
    }

    /// A bar as thick as a marker's stroke, across the frame, is no ruled line.
    @Test func aThickBarIsNoLine() {
        var mask = Self.mask([((0, 100), (600, 300), 9), ((100, 300), (140, 380), 5)])
        let before = mask
        #expect(TiltedLines.erase(from: &mask, evidence: mask, width: Self.width, height: Self.height) == 0)
        #expect(Self.changedPixels(mask, before) == 0)
    }

    /// Lines of a turned page cut short by the frame's corner go with the page's long lines, so
    /// that they are not read as 1s; a short line at another angle stays.
    @Test func aPagesLinesCutShortByTheCornerGoToo() {
        let slope = tan(10 * Float.pi / 180)
        let lines = (0..<5).map { k -> ((Float, Float), (Float, Float), Float) in
            let y = Float(60 + 70 * k)
            return ((0, y), (Float(Self.width), y + slope * Float(Self.width)), 1)
        }
        var mask = Self.mask(lines + [((470, 0), (600, 130 * slope), 1), ((560, 300), (600, 340), 1), ((250, 180), (290, 230), 6)])
        _ = TiltedLines.erase(from: &mask, evidence: mask, width: Self.width, height: Self.height)
        #expect(!Self.inked(mask, 560, Int(90 * slope)), "the corner's stub is erased")
        #expect(Self.inked(mask, 580, 320), "the short line at 45° stays")
        #expect(Self.inked(mask, 270, 205), "the mark stays")
    }
}
