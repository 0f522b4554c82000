import Testing
@testable import DigitsKit

/// A screenshot's bars: bands of one flat grey across the top and bottom, stepping to the canvas.
@Suite struct ScreenBarsTests {
    typealias Page = DigitExtractorTests

    /// A 720 × 1600 light-theme screenshot of a drawing app with a 7 drawn on its white canvas:
    /// a status bar over an app bar (rows 0-159, grey 0.94) holding the time "10:47" and five
    /// signal bars, and a toolbar (rows 1440-1599) holding six colour buttons, each 80 px wide
    /// (together two thirds of the rows through their middles).
    static func screenshot(barGrey: Float = 0.94) -> GrayImage {
        var ink = GrayImage(width: 720, height: 1600)
        for (k, shape) in [Page.one, Page.zero, Page.four, Page.seven].enumerated() {
            Page.draw(shape, size: 40, pen: 3, into: &ink, at: (40 + 36 * k + (k > 1 ? 20 : 0), 20))
        }
        for k in 0..<5 {
            Page.draw([[(0.5, 0.2), (0.5, 0.8)]], size: 30, pen: 4, into: &ink, at: (420 + 40 * k, 15))
        }
        for k in 0..<6 {
            Page.draw([[(0.5, 0.5), (0.501, 0.5)]], size: 90, pen: 40, into: &ink, at: (30 + 110 * k, 1475))
        }
        Page.draw(Page.seven, size: 140, pen: 4, into: &ink, at: (420, 720))
        var page = ink
        for y in 0..<ink.height {
            let ground: Float = y < 160 || y >= 1440 ? barGrey : 1
            for x in 0..<ink.width { page[x, y] = ground * (1 - 0.88 * ink[x, y]) }
        }
        return page
    }

    @Test func aScreenshotsBarsAreFound() throws {
        let bars = try #require(ScreenBars.find(in: Self.screenshot()))
        #expect(bars.top == 160 && bars.bottom == 1440, "\(bars)")
    }

    /// No band steps to another level: a canvas of one grey with a digit on it, a page lit
    /// unevenly from side to side, and bars the canvas's own grey.
    @Test func aPageWithoutBarsHasNone() {
        var ink = GrayImage(width: 400, height: 400)
        Page.draw(Page.seven, size: 200, pen: 6, into: &ink, at: (100, 100))
        #expect(ScreenBars.find(in: Page.page(ink)) == nil)
        #expect(ScreenBars.find(in: Page.page(ink, dimmest: 0.6)) == nil)
        #expect(ScreenBars.find(in: Self.screenshot(barGrey: 1)) == nil)
    }

    /// A photo's rows drift with the light from top to bottom: no run of rows holds one level.
    @Test func aPhotoLitFromAboveHasNoBars() {
        var page = GrayImage(width: 300, height: 400)
        for y in 0..<400 { for x in 0..<300 { page[x, y] = 0.9 - 0.3 * Float(y) / 400 } }
        #expect(ScreenBars.find(in: page) == nil)
    }

    /// Read in the default mode, the time in the status bar and the toolbar's buttons were digits
    /// beside the one drawn ("10:28" and the title "Draw" read "10284720\n602470\n6\n9" from a
    /// screenshot of a 6, `phone-screenshots.py`). Only the 7 on the canvas is read, in both modes.
    @Test(arguments: DigitExtractor.Mode.allCases)
    func onlyTheDigitOnTheCanvasIsRead(mode: DigitExtractor.Mode) {
        let boxes = DigitExtractor(options: .init(mode: mode)).extract(Self.screenshot()).digits.map(\.box)
        // The 7 spans x 444…536, y 730…850 with the pen.
        #expect(boxes.count == 1 && boxes.allSatisfy { $0.x >= 440 && $0.maxX <= 540 && $0.y >= 725 && $0.maxY <= 855 },
                "\(boxes)")
    }
}
