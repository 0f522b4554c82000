import Foundation
import Testing
@testable import DigitsKit

/// A sheet of paper photographed on a darker desk is read alone; the things that are bright
/// next to something dark without being a sheet on a desk are not taken for one.
@Suite struct SheetTests {
    /// A `width`×`height` picture: paper (0.88) where `paperShare(x, y)` is 1, a desk of grey
    /// `desk` where it is 0, and dark ink (`ink`) on top.
    static func picture(width: Int = 320, height: Int = 240, desk: Float, ink: GrayImage,
                        paperShare: (Float, Float) -> Float) -> GrayImage {
        var picture = GrayImage(width: width, height: height)
        for y in 0..<height {
            for x in 0..<width {
                let share = max(0, min(1, paperShare(Float(x) + 0.5, Float(y) + 0.5)))
                picture[x, y] = (0.88 * share + desk * (1 - share)) * (1 - 0.85 * ink[x, y])
            }
        }
        return picture
    }

    /// A sheet turned by 12° about the picture's centre, `side` of the frame on each side, with
    /// a one-pixel anti-aliased edge.
    static func turnedSheet(side: Float, width: Int = 320, height: Int = 240) -> (Float, Float) -> Float {
        let angle: Float = 12 * .pi / 180
        let (cx, cy) = (Float(width) / 2, Float(height) / 2)
        let (halfWidth, halfHeight) = (side * Float(width) / 2, side * Float(height) / 2)
        return { x, y in
            let u = (x - cx) * cos(angle) + (y - cy) * sin(angle), v = -(x - cx) * sin(angle) + (y - cy) * cos(angle)
            let outside = max(abs(u) - halfWidth, abs(v) - halfHeight)
            return 0.5 - outside
        }
    }

    /// A 7 of 90 px drawn with a pen of radius `pen`, its box at (115, 75).
    static func seven(pen: Float = 4) -> GrayImage {
        var ink = GrayImage(width: 320, height: 240)
        DigitExtractorTests.draw(DigitExtractorTests.seven, size: 90, pen: pen, into: &ink, at: (115, 75))
        return ink
    }

    @Test(arguments: [(Float(0.6), Float(0.25)), (0.75, 0.08), (0.5, 0.45)])
    func aSheetOnADarkDeskIsReadAlone(side: Float, desk: Float) throws {
        let photo = Self.picture(desk: desk, ink: Self.seven(), paperShare: Self.turnedSheet(side: side))
        let sheet = try #require(Sheet.find(in: photo))
        // The desk is painted over in the paper's grey, the ink is left.
        let page = sheet.isolated(from: photo)
        #expect(abs(page[0, 0] - 0.88) < 0.02 && abs(page[319, 239] - 0.88) < 0.02)
        #expect(page[115 + 45, 75 + 9] < 0.3)

        for mode in DigitExtractor.Mode.allCases {
            let extraction = DigitExtractor(options: .init(mode: mode)).extract(photo)
            #expect(extraction.digits.count == 1, "\(mode): \(extraction.digits.map(\.box))")
            let digit = try #require(extraction.digits.first)
            #expect(DigitExtractorTests.correlation(digit.pixels, DigitExtractorTests.mnistStyle(DigitExtractorTests.seven).pixels) > 0.85)
            // The 7's ink spans x 129...191 and y 80...160 (its polyline less the pen).
            #expect(abs(digit.box.x - 129) <= 4 && abs(digit.box.y - 80) <= 4 && abs(digit.box.height - 80) <= 6, "\(digit.box)")
        }
    }

    /// A soft shadow across sheet and desk splits the picture's grey levels three ways (lit
    /// paper, shaded paper, desk): the sheet is found whole all the same, and the 7 read.
    @Test func aShadowAcrossSheetAndDeskLeavesTheSheetWhole() throws {
        var photo = Self.picture(desk: 0.25, ink: Self.seven(), paperShare: Self.turnedSheet(side: 0.65))
        for y in 0..<photo.height {
            for x in 0..<photo.width {
                let shade = max(0, min(1, (Float(x) - 170) / 40 + 0.5))
                photo[x, y] *= 1 - 0.45 * shade
            }
        }
        let sheet = try #require(Sheet.find(in: photo))
        // The shaded paper is sheet, not desk.
        #expect(!sheet.desk[120 * 320 + 230] && sheet.desk[5 * 320 + 5] && sheet.desk[120 * 320 + 315])
        let digit = try #require(DigitExtractor(options: .init(mode: .single)).extract(photo).digits.first)
        #expect(abs(digit.box.x - 129) <= 4 && abs(digit.box.height - 80) <= 6, "\(digit.box)")
    }

    /// A desk need not be one grey: where a lighter part of it (a strip of sunlight, a paler
    /// board) meets a darker part along a line, the darker side is darker than the desk beside
    /// it, but on one side only, as no pen lying there is. The sheet is found and read alone.
    @Test func aDarkerStripAlongTheDeskIsNoMarkOnIt() throws {
        let paperShare = Self.turnedSheet(side: 0.55), ink = Self.seven()
        var photo = GrayImage(width: 320, height: 240)
        for y in 0..<240 {
            for x in 0..<320 {
                let share = max(0, min(1, paperShare(Float(x) + 0.5, Float(y) + 0.5)))
                // Dark beyond a slanted line across the top left corner, light elsewhere.
                let dark = max(0, min(1, (150 - Float(x) - 0.8 * Float(y)) / 3 + 0.5))
                let desk = 0.45 - 0.27 * dark
                photo[x, y] = (0.88 * share + desk * (1 - share)) * (1 - 0.85 * ink[x, y])
            }
        }
        // A local, so that a failure prints nil rather than the whole picture.
        let sheet = Sheet.find(in: photo)
        let found = try #require(sheet)
        #expect(found.desk[5 * 320 + 5] && found.desk[235 * 320 + 315] && !found.desk[120 * 320 + 160])
        let digit = try #require(DigitExtractor(options: .init(mode: .single)).extract(photo).digits.first)
        #expect(abs(digit.box.x - 129) <= 4 && abs(digit.box.height - 80) <= 6, "\(digit.box)")
    }

    /// The lit part of a page beside a shadow is bright next to dark too, but the shadow's edge
    /// is soft; with the digit in the shade, reading the lit part alone would lose it.
    @Test func aSoftShadowIsNoDesk() {
        let photo = Self.picture(desk: 0.35, ink: Self.seven(), paperShare: { x, _ in (200 - x) / 40 + 0.5 })
        #expect(Sheet.find(in: photo) == nil)
    }

    /// A sharp shadow (the phone's own, under a lamp) with writing in it: a desk is bare.
    @Test func writingInTheDarkerPartIsNoDesk() {
        let photo = Self.picture(desk: 0.4, ink: Self.seven(pen: 6), paperShare: { x, y in 0.5 + (x + 0.3 * y - 220) })
        #expect(Sheet.find(in: photo) == nil)
    }

    /// Pieces of neighbouring digits cut by the frame are dark regions at the border too, but
    /// they bite curves into the paper, where a desk meets the sheet along straight edges.
    @Test func inkCutByTheFrameIsNoDesk() {
        var ink = Self.seven()
        DigitExtractorTests.draw(DigitExtractorTests.zero, size: 160, pen: 14, into: &ink, at: (-100, 40))
        DigitExtractorTests.draw(DigitExtractorTests.four, size: 160, pen: 14, into: &ink, at: (250, 30))
        let photo = Self.picture(desk: 0.88, ink: ink, paperShare: { _, _ in 1 })
        #expect(Sheet.find(in: photo) == nil)
    }

    /// A sticky note lying in view is a sheet too, though it covers less of the picture (13 %)
    /// than a page would: read alone, it gives its 7.
    @Test func aSmallNoteLyingInViewIsASheet() throws {
        var ink = GrayImage(width: 320, height: 240)
        DigitExtractorTests.draw(DigitExtractorTests.seven, size: 50, pen: 3, into: &ink, at: (135, 95))
        let photo = Self.picture(desk: 0.2, ink: ink, paperShare: Self.turnedSheet(side: 0.36))
        #expect(Sheet.find(in: photo) != nil)
        let digit = try #require(DigitExtractor(options: .init(mode: .single)).extract(photo).digits.first)
        #expect(DigitExtractorTests.correlation(digit.pixels, DigitExtractorTests.mnistStyle(DigitExtractorTests.seven).pixels) > 0.85)
    }

    /// Faint ink that ends just inside the sheet's edge (red ink on an orange note, seen in the
    /// brightest channel) darkens paper cells that still count as paper: the desk beyond is
    /// painted in the paper's grey, not carried on as a streak of the stroke's grey that joins
    /// the digit.
    @Test func faintInkAtTheEdgeLeavesNoStreakOnTheDesk() throws {
        var ink = GrayImage(width: 320, height: 240)
        for y in 120..<198 { for x in 150..<158 { ink[x, y] = 0.35 } }
        let photo = Self.picture(desk: 0.2, ink: ink) { x, y in min(min(x - 60, 260 - x), min(y - 40, 200 - y)) + 0.5 }
        let page = try #require(Sheet.find(in: photo)).isolated(from: photo)
        #expect(page[154, 160] < 0.7, "the stroke stays: \(page[154, 160])")
        #expect(page[154, 215] > 0.8, "the desk below it is paper: \(page[154, 215])")
    }

    /// A lighter bar as small, cut by the frame on three sides (the top bar of a dark-theme
    /// drawing app), is no sheet: a sheet that small lies in view.
    @Test func aSmallBarCutByTheFrameIsNoSheet() {
        let photo = Self.picture(desk: 0.2, ink: Self.seven(), paperShare: { _, y in 24.5 - y })
        #expect(Sheet.find(in: photo) == nil)
    }

    /// A fat light 0 on a dark canvas is a bright convex region with a sharp edge: the dark
    /// hole in it is far more than a sheet's ink, and the 0 is still read as a 0. Drawn with a
    /// fatter brush (pen 36), its hole is less than a fifth of it (≈ 15 %), but a sheet's writing
    /// covers that much only where its paper is as narrow as these strokes. The holes alone are
    /// ≈ 100 × 150 and ≈ 70 × 120.
    @Test(arguments: [(Float(22), 120, 180), (36, 180, 230)])
    func aFatLightZeroOnADarkGroundIsNoSheet(pen: Float, minimumWidth: Int, minimumHeight: Int) throws {
        var ink = GrayImage(width: 280, height: 280)
        DigitExtractorTests.draw(DigitExtractorTests.zero, size: 240, pen: pen, into: &ink, at: (20, 20))
        #expect(Sheet.find(in: ink) == nil)
        let digit = try #require(DigitExtractor(options: .init(mode: .single)).extract(ink).digits.first)
        #expect(digit.box.width > minimumWidth && digit.box.height > minimumHeight, "\(digit.box)")
    }

    /// Fatter still, with room around it on the canvas, a light 0's hole is as small as a
    /// sheet's writing, but its outline is round: a sheet in full view is a polygon of four
    /// corners, or five or six where a shadow cuts one off. A light bar (a fat 1) has straight
    /// edges, but it is longer than any sheet.
    @Test func aRoundOrLongLightShapeOnADarkCanvasIsNoSheet() throws {
        var zero = GrayImage(width: 400, height: 400)
        DigitExtractorTests.draw(DigitExtractorTests.zero, size: 240, pen: 48, into: &zero, at: (80, 80))
        #expect(Sheet.find(in: zero) == nil)
        var bar = GrayImage(width: 400, height: 400)
        for y in 80..<320 { for x in 180..<225 { bar[x, y] = 1 } }
        #expect(Sheet.find(in: bar) == nil)
        // The same bar, as wide as a sheet, is one.
        for y in 80..<320 { for x in 110..<290 { bar[x, y] = 1 } }
        #expect(Sheet.find(in: bar) != nil)
    }
}
