import Foundation
import Testing
@testable import DigitsKit

/// The extractor on synthetic pages: digits drawn as thick polylines, the way a pen would.
@Suite struct DigitExtractorTests {
    /// Digit shapes as polylines in the unit square (x right, y down).
    static let seven: [[(Float, Float)]] = [[(0.2, 0.1), (0.8, 0.1), (0.4, 0.9)]]
    static let one: [[(Float, Float)]] = [[(0.45, 0.1), (0.55, 0.9)]]
    static let four: [[(Float, Float)]] = [[(0.65, 0.9), (0.65, 0.1), (0.15, 0.65), (0.85, 0.65)]]
    static let zero: [[(Float, Float)]] = [(0...24).map { k in
        let angle = Float(k) / 24 * 2 * .pi
        return (0.5 + 0.3 * cos(angle), 0.5 + 0.4 * sin(angle))
    }]
    /// A 5 in two strokes: the hat is lifted off the page.
    static let five: [[(Float, Float)]] = [
        [(0.3, 0.25), (0.27, 0.5), (0.6, 0.45), (0.75, 0.6), (0.7, 0.82), (0.45, 0.92), (0.22, 0.85)],
        [(0.36, 0.1), (0.8, 0.1)],
    ]

    /// Ink (0…1) of `strokes` drawn with the given pen radius into a `size`×`size` box.
    static func draw(_ strokes: [[(Float, Float)]], size: Int, pen: Float, into image: inout GrayImage, at origin: (Int, Int)) {
        for y in 0..<size {
            for x in 0..<size {
                let px = (Float(x) + 0.5) / Float(size), py = (Float(y) + 0.5) / Float(size)
                var nearest = Float.infinity
                for stroke in strokes {
                    for (a, b) in zip(stroke, stroke.dropFirst()) {
                        let (dx, dy) = (b.0 - a.0, b.1 - a.1)
                        let t = max(0, min(1, ((px - a.0) * dx + (py - a.1) * dy) / (dx * dx + dy * dy)))
                        nearest = min(nearest, hypot(px - a.0 - t * dx, py - a.1 - t * dy))
                    }
                }
                // One pixel of anti-aliasing at the pen's edge.
                let ink = max(0, min(1, (pen - nearest * Float(size)) + 0.5))
                let (gx, gy) = (origin.0 + x, origin.1 + y)
                if gx >= 0 && gy >= 0 && gx < image.width && gy < image.height { image[gx, gy] = max(image[gx, gy], ink) }
            }
        }
    }

    /// A light page (grey levels) with dark ink where `ink` says, and lighting that falls from
    /// 1 to `dimmest` left to right.
    static func page(_ ink: GrayImage, dimmest: Float = 1) -> GrayImage {
        var page = ink
        for y in 0..<ink.height {
            for x in 0..<ink.width {
                let light = 1 - (1 - dimmest) * Float(x) / Float(ink.width)
                page[x, y] = light * (0.92 - 0.85 * ink[x, y])
            }
        }
        return page
    }

    static func correlation(_ a: [UInt8], _ b: [UInt8]) -> Double {
        let x = a.map(Double.init), y = b.map(Double.init)
        let mx = x.reduce(0, +) / Double(x.count), my = y.reduce(0, +) / Double(y.count)
        let cov = zip(x, y).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
        let vx = x.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }, vy = y.reduce(0) { $0 + ($1 - my) * ($1 - my) }
        return cov / (vx * vy).squareRoot()
    }

    /// An MNIST-style 28×28 version of a shape and the same at 5×: drawn with MNIST's stroke
    /// width (a pen of radius 7 at 140 px is 2 px wide at 20×20) and placed by the normaliser's
    /// own centre-of-mass rule.
    static func mnistStyle(_ strokes: [[(Float, Float)]]) -> (pixels: [UInt8], large: GrayImage) {
        var large = GrayImage(width: 140, height: 140)
        draw(strokes, size: 140, pen: 7, into: &large, at: (0, 0))
        return (MNISTNormalizer.placeInMNISTFrame(large).bytes(), large)
    }

    @Test func aDigitOnUnevenlyLitPaperComesBackAsItsMNISTSelf() throws {
        let (expected, large) = Self.mnistStyle(Self.seven)
        var ink = GrayImage(width: 300, height: 260)
        for y in 0..<140 { for x in 0..<140 { ink[80 + x, 60 + y] = large[x, y] } }
        let extraction = DigitExtractor(options: .init(mode: .single)).extract(Self.page(ink, dimmest: 0.45))
        let digit = try #require(extraction.digits.first)
        #expect(Self.correlation(digit.pixels, expected) > 0.9)
        // The 7 starts at (0.2, 0.1) of its 140-pixel box, less the pen's radius of 7.
        #expect(abs(digit.box.x - 101) <= 3 && abs(digit.box.y - 67) <= 3 && abs(digit.box.height - 126) <= 4)
    }

    @Test func whiteInkOnBlackWorksToo() throws {
        let (expected, large) = Self.mnistStyle(Self.four)
        var ink = GrayImage(width: 200, height: 200)
        for y in 0..<140 { for x in 0..<140 { ink[30 + x, 30 + y] = large[x, y] } }
        // White ink on black: the grey levels are the ink itself.
        let extraction = DigitExtractor(options: .init(mode: .single)).extract(ink)
        let digit = try #require(extraction.digits.first)
        #expect(Self.correlation(digit.pixels, expected) > 0.9)
    }

    @Test func aDigitInTwoStrokesStaysOneDigit() throws {
        var ink = GrayImage(width: 400, height: 300)
        Self.draw(Self.five, size: 200, pen: 7, into: &ink, at: (100, 50))
        let extraction = DigitExtractor().extract(Self.page(ink))
        #expect(extraction.digits.count == 1)
        let box = try #require(extraction.digits.first?.box)
        #expect(box.y < 50 + 30 && box.maxY > 50 + 170)
    }

    @Test func specksAndARuledLineAreIgnored() throws {
        var ink = GrayImage(width: 500, height: 300)
        Self.draw(Self.zero, size: 160, pen: 6, into: &ink, at: (170, 60))
        // A ruled line through the digit and across the page.
        for x in 0..<500 { for y in 205..<208 { ink[x, y] = 0.8 } }
        var rng = SplitMix64(seed: 11)
        for _ in 0..<60 {
            let x = Int(rng.next() % 490), y = Int(rng.next() % 290)
            for dy in 0..<2 { for dx in 0..<2 { ink[x + dx, y + dy] = 1 } }
        }
        let extraction = DigitExtractor().extract(Self.page(ink))
        #expect(extraction.digits.count == 1, "found \(extraction.digits.map(\.box))")
        let box = try #require(extraction.digits.first?.box)
        // The ring spans 0.2…0.8 of its 160-pixel box, plus the pen's radius of 6.
        #expect(abs(box.x - 196) <= 3 && abs(box.width - 108) <= 4 && abs(box.y - 70) <= 3)
    }

    @Test func squaredPaperIsErasedAndADigitAcrossItsLinesStaysWhole() throws {
        var ink = GrayImage(width: 400, height: 300)
        Self.draw(Self.zero, size: 160, pen: 5, into: &ink, at: (118, 75))
        // A grid every 45 pixels both ways, 2 pixels wide, fainter than the ink; the ring's
        // sides are not tangent to a line (a stroke running along a line loses that part).
        for y in 0..<300 { for x in 0..<400 where x % 45 < 2 || y % 45 < 2 { ink[x, y] = max(ink[x, y], 0.5) } }
        let extraction = DigitExtractor(options: .init(mode: .single)).extract(Self.page(ink))
        let box = try #require(extraction.digits.first?.box)
        // The ring spans 0.2…0.8 of its 160-pixel box across and 0.1…0.9 down, plus the pen.
        #expect(abs(box.x - 145) <= 3 && abs(box.width - 106) <= 4, "\(box)")
        #expect(abs(box.y - 86) <= 3 && abs(box.height - 138) <= 4, "\(box)")
    }

    /// A photographed 4 on squared paper (from the development set): the faint grid lines it
    /// touches break up beside its strokes at the local-mean threshold and wobble by a pixel
    /// after JPEG compression; they must still be erased, or they join the digit and stretch its
    /// crop from edge to edge.
    @Test func faintGridLinesTouchingADigitAreErased() throws {
        let image = try ImageDecodingTests.decode("squared-paper-four.jpg")
        let extraction = DigitExtractor(options: .init(mode: .single)).extract(image)
        let box = try #require(extraction.digits.first?.box)
        // The 4's ink spans about x 273…482, y 217…515 of the 674×899 picture.
        #expect(box.x >= 255 && box.maxX <= 500, "\(box)")
        #expect(box.y >= 200 && box.maxY <= 535, "\(box)")
    }

    /// A photo centred on a 1 that also catches most of the neighbouring 0, cut by the frame:
    /// the 0 has more ink, but the digit meant is the whole one.
    @Test func inSingleModeAWholeDigitBeatsAHeavierOneCutByTheFrame() throws {
        var ink = GrayImage(width: 400, height: 300)
        Self.draw(Self.zero, size: 200, pen: 7, into: &ink, at: (-70, 50))
        Self.draw(Self.one, size: 160, pen: 5, into: &ink, at: (160, 70))
        let extraction = DigitExtractor(options: .init(mode: .single)).extract(Self.page(ink))
        let box = try #require(extraction.digits.first?.box)
        #expect(box.x > 200 && box.maxX < 260, "read the mark at \(box), not the 1 at x≈230")
    }

    /// A screenshot of a phone's drawing app: a status bar of small marks along the top, a row of
    /// colour buttons along the bottom, the chosen one ringed (a disc in a ring is no round blot,
    /// and has more ink than the thin 7), and the 7 drawn small on the canvas between them
    /// (`phone-screenshots.py`'s small-light screenshots were read as the ringed button).
    @Test func aDigitDrawnOnAScreenBeatsTheScreensRowsOfMarks() throws {
        var ink = Self.drawingAppScreen(chosenButton: 2)
        let ringed = try #require(DigitExtractor(options: .init(mode: .single)).extract(Self.page(ink)).digits.first?.box)
        #expect(ringed.x >= 240 && ringed.maxX <= 345, "the screen alone reads its ringed button, not \(ringed)")
        Self.draw(Self.seven, size: 100, pen: 2, into: &ink, at: (300, 700))
        let box = try #require(DigitExtractor(options: .init(mode: .single)).extract(Self.page(ink)).digits.first?.box)
        #expect(box.x > 300 && box.maxX < 400 && box.y > 700 && box.maxY < 800, "read the mark at \(box), not the 7 at x≈320…380")
    }

    /// A 720 × 1600 screenshot of a drawing app, as ink: a status bar of five small bars along the
    /// top and six colour buttons (discs 68 px across, tops at 1491) along the bottom; the chosen
    /// one, if any, smaller and ringed.
    static func drawingAppScreen(chosenButton: Int?) -> GrayImage {
        var ink = GrayImage(width: 720, height: 1600)
        for k in 0..<5 {
            draw([[(0.5, 0.2), (0.5, 0.8)]], size: 30, pen: 4, into: &ink, at: (420 + 40 * k, 15))
        }
        for k in 0..<6 {
            draw([[(0.5, 0.5), (0.501, 0.5)]], size: 90, pen: k == chosenButton ? 24 : 34, into: &ink, at: (30 + 110 * k, 1480))
        }
        if let chosen = chosenButton {
            let ring: [(Float, Float)] = (0...32).map { k in
                let angle = Float(k) / 32 * 2 * .pi
                return (0.5 + 0.45 * cos(angle), 0.5 + 0.45 * sin(angle))
            }
            draw([ring], size: 90, pen: 3, into: &ink, at: (30 + 110 * chosen, 1480))
        }
        return ink
    }

    /// The same app's screen with a 1 drawn low on the canvas, its foot a few pixels over a row
    /// of colour buttons: the button under it was taken as a piece of the digit (as a 5's hat
    /// is), the others as its close parts, and the "digit" spanning the row was read 2
    /// (`phone-screenshots.py`'s large screenshots).
    @Test func aDigitDrawnJustOverTheScreensButtonsLeavesThemOut() throws {
        var ink = Self.drawingAppScreen(chosenButton: nil)
        // The 1's stroke (x 322…378 with the pen) ends 0.9 down its 400-pixel box: its foot at
        // 1468, 23 px over the buttons' tops (1491), between two of them and over both.
        Self.draw(Self.one, size: 400, pen: 8, into: &ink, at: (150, 1100))
        let box = try #require(DigitExtractor(options: .init(mode: .single)).extract(Self.page(ink)).digits.first?.box)
        #expect(box.x > 300 && box.maxX < 420 && box.maxY < 1500, "read the mark at \(box), not the 1 at x≈330…370")
    }

    /// A bold 1 underlined with a fine pen: straight, over twice the line's length and four
    /// times its thickness, the 1 was taken for a pen lying beside the line as its digit, and the
    /// line read as 7 (`writers-marks.py`'s underlined 1s). A flat bar is no digit for a tool to
    /// lie beside.
    @Test(arguments: DigitExtractor.Mode.allCases)
    func aBoldOneOverAFineUnderlineIsTheDigit(mode: DigitExtractor.Mode) throws {
        var ink = GrayImage(width: 400, height: 320)
        Self.draw(Self.one, size: 200, pen: 10, into: &ink, at: (100, 40))
        Self.draw([[(0.3, 0.5), (0.7, 0.5)]], size: 200, pen: 2.5, into: &ink, at: (100, 158))
        let boxes = DigitExtractor(options: .init(mode: mode)).extract(Self.page(ink)).digits.map(\.box)
        // The 1 spans x 180…220, y 50…230 with the pen; the line 157…243, 255…261.
        #expect(boxes.count == 1 && boxes.allSatisfy { $0.x >= 175 && $0.maxX <= 225 && $0.maxY < 240 }, "\(boxes)")
    }

    /// Marks on a scanned page that are no writing, each with more ink than the thin 7 beside
    /// it: a punch hole that the scanner's dark lid fills (a round blot), and a staple in the
    /// corner, a straight line 35° above the horizontal (a flat bar: `scanned-pages.py`'s stapled
    /// pages were read as 1). The 7 is the page's digit, and its only one; alone on the page, the
    /// mark is still read (a fat 0 whose hole closed up, a 1 lying flat).
    @Test(arguments: ["punch hole", "staple"])
    func writingBeatsAHeavierMarkThatIsNoWriting(mark: String) throws {
        var ink = GrayImage(width: 900, height: 700)
        if mark == "staple" {
            let staple: [[(Float, Float)]] = [[(0.05, 0.8), (0.95, 0.8 - 0.9 * tan(35 * Float.pi / 180))]]
            Self.draw(staple, size: 300, pen: 4, into: &ink, at: (10, 10))
        } else {
            Self.draw([[(0.5, 0.5), (0.501, 0.5)]], size: 100, pen: 25, into: &ink, at: (20, 250))
        }
        let markOnly = ink
        Self.draw(Self.seven, size: 100, pen: 2, into: &ink, at: (600, 450))
        let extractor = DigitExtractor(options: .init(mode: .single))
        let box = try #require(extractor.extract(Self.page(ink)).digits.first?.box)
        #expect(box.x > 600 && box.maxX < 700, "read the mark at \(box), not the 7 at x≈620…680")
        let alone = try #require(extractor.extract(Self.page(markOnly)).digits.first?.box)
        #expect(alone.maxX < 320, "\(alone)")
        let all = DigitExtractor(options: .init(mode: .multi)).extract(Self.page(ink)).digits.map(\.box)
        #expect(all.count == 1 && all.allSatisfy { $0.x > 600 }, "\(all)")
    }

    /// A 1 in hard italics, leaning 50° from the vertical, flatter than a staple may be, is
    /// still a digit in a line of digits (fresh development set 94 has one): only a bar on a line
    /// of its own is dropped.
    @Test func aOneLeaningPastTheStaplesLimitIsADigitInALine() throws {
        let run = 0.3 * tan(50 * Float.pi / 180)
        let leaning: [[(Float, Float)]] = [[(0.5 + run, 0.2), (0.5 - run, 0.8)]]
        var ink = GrayImage(width: 700, height: 260)
        Self.draw(Self.seven, size: 160, pen: 5, into: &ink, at: (30, 50))
        Self.draw(leaning, size: 200, pen: 5, into: &ink, at: (220, 30))
        Self.draw(Self.seven, size: 160, pen: 5, into: &ink, at: (480, 50))
        let boxes = DigitExtractor(options: .init(mode: .multi)).extract(Self.page(ink)).digits.map(\.box)
        #expect(boxes.count == 3 && boxes.dropFirst().first.map { $0.x > 220 && $0.maxX < 420 } == true, "\(boxes)")
    }

    @Test func aRowOfDigitsComesBackLeftToRight() throws {
        var ink = GrayImage(width: 800, height: 240)
        let shapes = [Self.four, Self.one, Self.seven, Self.zero]
        for (k, shape) in shapes.enumerated() {
            Self.draw(shape, size: 150, pen: 6, into: &ink, at: (40 + 190 * k, 45))
        }
        let extraction = DigitExtractor().extract(Self.page(ink, dimmest: 0.6))
        #expect(extraction.digits.count == 4)
        let boxes = extraction.digits.map(\.box)
        for (k, box) in boxes.enumerated() {
            let left = 40 + 190 * k
            #expect(box.x >= left - 4 && box.maxX <= left + 154, "digit \(k): \(box)")
            #expect(box.y >= 45 && box.maxY <= 45 + 154 && box.height > 100, "digit \(k): \(box)")
        }
        #expect(extraction.digits.allSatisfy { $0.line == 0 })
    }

    @Test func twoLinesAreReadTopToBottom() {
        var ink = GrayImage(width: 400, height: 400)
        Self.draw(Self.one, size: 120, pen: 5, into: &ink, at: (60, 240))
        Self.draw(Self.seven, size: 120, pen: 5, into: &ink, at: (220, 30))
        let digits = DigitExtractor().extract(Self.page(ink)).digits
        #expect(digits.map(\.line) == [0, 1])
        #expect(digits.first.map { $0.box.y < 100 } == true)
    }

    /// A 1 the pen skipped across in the middle (6 px in 170) is one digit among lines of digits
    /// too, where its halves were read as a 1 on each of two lines; a 1 over a 1 a line apart
    /// (30 px in 290) stays two.
    @Test func aOneThePenSkippedIsOneDigitAndTwoLinesStayTwo() throws {
        var skipped = GrayImage(width: 400, height: 300)
        Self.draw(Self.one, size: 200, pen: 5, into: &skipped, at: (100, 40))
        for y in 137..<143 { for x in 0..<400 { skipped[x, y] = 0 } }
        let one = DigitExtractor().extract(Self.page(skipped)).digits.map(\.box)
        #expect(one.count == 1 && one.allSatisfy { $0.height > 150 }, "\(one)")
        var stacked = GrayImage(width: 400, height: 400)
        Self.draw(Self.one, size: 160, pen: 5, into: &stacked, at: (100, 0))
        Self.draw(Self.one, size: 160, pen: 5, into: &stacked, at: (100, 168))
        let lines = DigitExtractor().extract(Self.page(stacked)).digits
        #expect(lines.map(\.line) == [0, 1], "\(lines.map(\.box))")
    }

    /// A 5 whose hat lifted off and rose to the right: without the hat its body is short, so the
    /// hat was more than 2/5 of the body's height and, beside the body rather than over it, was
    /// read as a digit on a line of its own. Beside whole digits it is short all the same.
    @Test func aRisingHatBesideAShortFiveBodyStaysWithIt() throws {
        var ink = GrayImage(width: 700, height: 260)
        for (k, shape) in [Self.seven, Self.zero, Self.one].enumerated() {
            Self.draw(shape, size: 120, pen: 6, into: &ink, at: (40 + 140 * k, 50))
        }
        Self.draw([Self.five[0]], size: 80, pen: 6, into: &ink, at: (470, 90))
        Self.draw([[(0.05, 0.95), (0.95, 0.05)]], size: 30, pen: 5, into: &ink, at: (528, 68))
        let digits = DigitExtractor().extract(Self.page(ink)).digits
        #expect(digits.count == 4, "\(digits.map(\.box))")
        #expect(digits.allSatisfy { $0.line == 0 })
        let five = try #require(digits.last?.box)
        #expect(five.x >= 480 && five.y <= 75 && five.maxY >= 160, "\(five)")
    }

    /// "705" whose 5's hat lifted off and drifted right past the body (ink x 340…416; the hat
    /// x 421…473, y 54…86): sharing no column with the body, it was read as a digit of its own,
    /// on a line above the number. It is the 5's hat.
    @Test func aHatDriftedPastTheFiveBodyStaysWithIt() throws {
        var ink = GrayImage(width: 560, height: 240)
        for (k, shape) in [Self.seven, Self.zero, [Self.five[0]]].enumerated() {
            Self.draw(shape, size: 120, pen: 6, into: &ink, at: (40 + 140 * k, 50))
        }
        Self.draw([[(0.1, 0.7), (0.9, 0.3)]], size: 50, pen: 6, into: &ink, at: (422, 45))
        let digits = DigitExtractor().extract(Self.page(ink)).digits
        #expect(digits.count == 3 && digits.allSatisfy { $0.line == 0 }, "\(digits.map(\.box))")
        let five = try #require(digits.last?.box)
        #expect(five.x >= 335 && five.y <= 58 && five.maxX >= 465, "\(five)")
    }

    /// A phone number's dash is a stroke, not a digit: in a line of digits it was read as a 1 or
    /// a 2 of its own ("70-17" read "70217"). A line under the number (erased as a ruled line)
    /// stays out as well.
    @Test func dashesAndUnderlinesInALineOfDigitsAreNoDigits() {
        var ink = GrayImage(width: 760, height: 260)
        let digits = [Self.seven, Self.zero, Self.one, Self.seven]
        for (k, shape) in digits.enumerated() {
            Self.draw(shape, size: 120, pen: 6, into: &ink, at: (40 + 140 * k + (k >= 2 ? 120 : 0), 50))
        }
        // A fat dash at mid-height between the groups, and a thin line under the whole number.
        Self.draw([[(0.15, 0.5), (0.85, 0.52)]], size: 100, pen: 9, into: &ink, at: (320, 60))
        Self.draw([[(0.02, 0.5), (0.98, 0.5)]], size: 700, pen: 3, into: &ink, at: (30, -160))
        let extraction = DigitExtractor().extract(Self.page(ink))
        #expect(extraction.digits.count == 4, "\(extraction.digits.map(\.box))")
        #expect(extraction.digits.allSatisfy { $0.box.height > 80 }, "\(extraction.digits.map(\.box))")
    }

    @Test func aBlankPageHasNoDigitsAndSaysSo() {
        var rng = SplitMix64(seed: 2)
        var page = GrayImage(width: 300, height: 200, repeating: 0.9)
        for i in page.pixels.indices { page.pixels[i] += Float(rng.next() % 100) / 100 * 0.04 - 0.02 }
        let extraction = DigitExtractor().extract(page)
        #expect(extraction.digits.count == 0)
        #expect(!extraction.warnings.isEmpty)
    }

    /// A black canvas with a few stray light pixels: the polarity test's tails shrink on a flat
    /// ground to find a hairline's ink, but not so far that stray pixels pass for a light digit,
    /// read inverted and, in `--single`, for lack of anything else, as the largest mark.
    @Test(arguments: DigitExtractor.Mode.allCases)
    func aBlackCanvasWithStrayLightPixelsHasNoDigits(mode: DigitExtractor.Mode) {
        var canvas = GrayImage(width: 1000, height: 1000)
        for k in 0..<10 { canvas[97 * k + 30, 89 * k + 50] = 1 }
        let extraction = DigitExtractor(options: .init(mode: mode)).extract(canvas)
        #expect(extraction.digits.isEmpty, "\(extraction.digits.map(\.box))")
    }

    /// A blank page whose scanner lid shows along two or three sides of the frame: the dark band
    /// spans the frame, as a digit cropped to its ink does, but runs along whole sides. Read as
    /// such a digit, it was a 5 and a 7.
    @Test(arguments: [2, 3])
    func aBlankPageWithTheLidAlongItsSidesHasNoDigits(sides: Int) {
        var page = GrayImage(width: 400, height: 300, repeating: 0.92)
        for y in 0..<300 {
            for x in 0..<400 where y < 26 || x < 31 || (sides == 3 && x >= 370) { page[x, y] = 0.1 }
        }
        let extraction = DigitExtractor().extract(page)
        #expect(extraction.digits.isEmpty, "\(extraction.digits.map(\.box))")
    }

    @Test func thinStrokesAreThickenedTowardMNIST() throws {
        var ink = GrayImage(width: 600, height: 600)
        Self.draw(Self.seven, size: 500, pen: 2, into: &ink, at: (50, 50))
        let digit = try #require(DigitExtractor(options: .init(mode: .single)).extract(Self.page(ink)).digits.first)
        #expect(digit.strokeWidth.measured < 1)
        #expect(abs(digit.strokeWidth.adjusted - MNISTNormalizer.mnistStrokeWidth) < 0.6)
        #expect((digit.pixels.max() ?? 0) > 150)
    }

    /// A one-pixel line 500 px tall covers a fifth of a pixel of the working box: thickened only
    /// there, it fell under the binarisation, measured as no stroke and stayed a faint trace.
    @Test func aHairlineIsThickenedBeforeItShrinks() throws {
        var ink = GrayImage(width: 600, height: 600)
        Self.draw(Self.seven, size: 500, pen: 0.5, into: &ink, at: (50, 50))
        let digit = try #require(DigitExtractor(options: .init(mode: .single)).extract(Self.page(ink)).digits.first)
        #expect(abs(digit.strokeWidth.adjusted - MNISTNormalizer.mnistStrokeWidth) < 0.6, "\(digit.strokeWidth)")
        #expect(digit.pixels.filter { $0 > 128 }.count >= 30, "the 28×28 seven has too little ink")
    }

    @Test func resizingKeepsTheMeanAndInterpolates() throws {
        var rng = SplitMix64(seed: 5)
        let image = try #require(GrayImage(width: 90, height: 60, pixels: (0..<5400).map { _ in rng.nextUnitFloat() }))
        let small = image.resized(width: 30, height: 20)
        let mean = { (g: GrayImage) in g.pixels.reduce(0, +) / Float(g.pixels.count) }
        #expect(abs(mean(small) - mean(image)) < 1e-4)
        // Area resampling by 3: each target pixel is the mean of its 3×3 block.
        let block = (0..<3).flatMap { y in (0..<3).map { x in image[x + 3, y + 6] } }.reduce(0, +) / 9
        #expect(abs(small[1, 2] - block) < 1e-5)
        let ramp = try #require(GrayImage(width: 2, height: 1, pixels: [0, 1]))
        #expect(ramp.resized(width: 4, height: 1).pixels == [0, 0.25, 0.75, 1])
    }
}


/// The paper estimate's moving extremes against a direct reference.
@Suite struct MovingFilterTests {
    @Test(arguments: [0, 1, 2, 5, 8])
    func movingMaximumAndMinimumMatchTheDirectWindow(radius: Int) throws {
        var rng = SplitMix64(seed: UInt64(radius) + 1)
        let image = try #require(GrayImage(width: 23, height: 17, pixels: (0..<391).map { _ in rng.nextUnitFloat() }))
        for maximum in [true, false] {
            let fast = image.filtered(radius: radius, maximum: maximum)
            for y in 0..<17 {
                for x in 0..<23 {
                    var expected = image[x, y]
                    for v in max(0, y - radius)...min(16, y + radius) {
                        for u in max(0, x - radius)...min(22, x + radius) {
                            expected = maximum ? max(expected, image[u, v]) : min(expected, image[u, v])
                        }
                    }
                    #expect(fast[x, y] == expected, "(\(x), \(y)) radius \(radius) maximum \(maximum)")
                }
            }
        }
    }
}

@Suite struct ImageBorderTests {
    /// The polarity test reads the ground from the frame: each frame pixel once, none inside.
    @Test(arguments: [1, 2, 3, 40])
    func theBorderIsEveryFramePixelOnce(depth: Int) throws {
        let (width, height) = (7, 5)
        let image = try #require(GrayImage(width: width, height: height, pixels: (0..<35).map(Float.init)))
        let d = min(depth, 2)
        let expected = (0..<35).filter { i in
            let (x, y) = (i % width, i / width)
            return x < d || x >= width - d || y < d || y >= height - d
        }.map(Float.init)
        #expect(image.border(width: depth).sorted() == expected)
    }
}
