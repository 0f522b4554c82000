import Foundation
import Testing
@testable import DigitsKit

/// Pictures from the development set that the extractor once read wrong, read with the shipped
/// default model as `digits predict` does. Each names the failure it guards against; the box
/// checks say why the digit came out right, so a better model cannot hide a broken extractor.
@Suite struct RealPictureFailureTests {
    static func read(_ file: String, mode: DigitExtractor.Mode) throws -> ImageReading {
        let pipeline = try ModelFile.load(from: try DefaultModel.locate()).pipeline
        let decoder = ImageDecoder(reduceToLongestSide: DigitExtractor.Options().workingSize)
        let image = try ImageDecodingTests.decode(file, with: decoder)
        return try pipeline.read(image, with: DigitExtractor(options: .init(mode: mode)))
    }

    /// Reads a picture of one digit, expects `digit` and returns where the digit was found.
    static func singleDigitBox(_ file: String, reading digit: String) throws -> PixelBox {
        let reading = try read(file, mode: .single)
        #expect(reading.text == digit)
        return try #require(reading.digits.first?.crop.box)
    }

    /// `singleDigitBox`, once the default mode has read `digit` too.
    static func digitBoxInBothModes(_ file: String, reading digit: String) throws -> PixelBox {
        #expect(try read(file, mode: .multi).text == digit)
        return try singleDigitBox(file, reading: digit)
    }

    /// Expects `file` read as `digit` in both modes, the digit's box spanning `ink` (its first
    /// and last column and row, the last ones exclusive) to within 6 px: the digit read alone.
    static func expectDigitAlone(_ file: String, reading digit: String, spanning ink: [Int]) throws {
        let box = try digitBoxInBothModes(file, reading: digit)
        let found = [box.x, box.y, box.maxX, box.maxY]
        #expect(zip(found, ink).allSatisfy { abs($0 - $1) <= 6 }, "the digit's ink spans \(ink): \(box)")
    }

    /// A 7 beside a soft shadow's edge: the paper estimate lags the edge, so a band of shade
    /// under the 7 looked like ink, joined the 7 as a stacked piece and made it a 2.
    @Test func aShadowsEdgeUnderADigitIsNotInk() throws {
        // The 7's ink ends at y ≈ 373; the band below reached y ≈ 437.
        let box = try Self.singleDigitBox("shadow-edge-seven.jpg", reading: "7")
        #expect(box.maxY <= 385, "\(box)")
    }

    /// A phone photo as the phone saves it (HEIC: the sensor's landscape picture stored with the
    /// quarter turn that makes it upright) was refused as not an image. Read, it must find the 2
    /// where the same photo as a JPEG has it.
    @Test func aPhonesHEICPhotoIsReadUpright() throws {
        let heic = try Self.singleDigitBox("phone-photo-two.heic", reading: "2")
        let jpeg = try Self.singleDigitBox("thumb-below-two.jpg", reading: "2")
        #expect(abs(heic.x - jpeg.x) <= 8 && abs(heic.y - jpeg.y) <= 8 && abs(heic.height - jpeg.height) <= 8,
                "HEIC \(heic), JPEG \(jpeg)")
    }

    /// A 9 whose stem the pencil drew apart from the loop: only the loop was read, as a 0.
    @Test func aStrokeLiftedOffBesideTheDigitIsPartOfIt() throws {
        let box = try Self.singleDigitBox("lifted-stem-nine.jpg", reading: "9")
        #expect(box.height > 230, "the loop alone is 133 px tall: \(box)")
    }

    /// "5901943517": the 5's hat, lifted off and drifting right over the gap to the 9, was read
    /// as a digit of its own on a line of its own.
    @Test func aFivesHatDriftingRightStaysWithItsBody() throws {
        let reading = try Self.read("drifting-hat-string.jpg", mode: .multi)
        // The last glyph, a 7 with a short rising hat, is as much a flagged 1 (the default model
        // reads 1 since it learned flagged 1s): the extraction is what this test is about.
        #expect(reading.digits.count == 10 && reading.text.hasPrefix("590194351"), "\(reading.text)")
    }

    /// A 0 under a shadow over two thirds of the photo: the lit corner was the picture's bright
    /// tail, so the polarity test took the page for light ink on a dark ground; the only "ink"
    /// left was the lit corner, read as a 7 with a warning that it looked like a shadow edge.
    @Test func aShadowOverMostOfThePictureIsNoDarkGround() throws {
        // The 0 is 175 × 221 px; the lit corner was read as a box of 157 × 44 at the top.
        let box = try Self.singleDigitBox("shadow-over-most-zero.jpg", reading: "0")
        #expect(box.y > 200 && box.height > 180, "\(box)")
    }

    /// An 8 in the strip of light a shadow leaves over most of a photo (`shaded-photos.py`): the
    /// lit paper was the bright tail and the shade the border, so the page was read as light ink
    /// on a dark ground first, and the lit paper inside the 8's lower loop became a 1.
    @Test func litPaperBesideAShadowIsNoLightGround() throws {
        // The 8 is 43 × 86 px; the inside of its lower loop was read as a box of 1 × 24.
        let box = try Self.singleDigitBox("shadow-lit-strip-eight.jpg", reading: "8")
        #expect(box.height > 70, "\(box)")
    }

    /// A chalk 9 on a blackboard beside a light wall (`chalkboard-photos.py`): the wall passed
    /// for a sheet on a dark desk, read alone, and the blurred rim along its edge, left on it
    /// as a line one pixel wide, was the "digit", a 1.
    @Test func aWallBesideABlackboardLeavesNoLineOfInk() throws {
        // The 9 is 90 × 180 px; the rim was read as a box of 1 × 592.
        let box = try Self.singleDigitBox("chalkboard-nine-beside-a-wall.jpg", reading: "9")
        #expect(box.width > 60, "\(box)")
    }

    /// A 1 photographed in dim light (`dim-photos.py`, heavy grain): the grain crossed the ink
    /// thresholds at thousands of pixels, whose blobs beside the 1 were grouped with it, and the
    /// crop of the whole picture was read as an 8.
    @Test func grainOfADimPhotoIsNotInk() throws {
        // The 1 is 56 × 160 px; with the grain the "digit" was the whole 348 × 261 picture.
        let reading = try Self.read("dim-light-grain-one.jpg", mode: .single)
        #expect(reading.text == "1")
        let box = try #require(reading.digits.first?.crop.box)
        #expect(box.width < 80 && box.height > 140, "\(box)")
        #expect(reading.warnings.contains { $0.contains("grainy") }, "\(reading.warnings)")
    }

    /// A fat 0 cropped to its own box, as drawings and scans often are: its ink is most of the
    /// picture, so the median grey was the ink's, the paper looked like the bright tail, and the
    /// page was read inverted — the paper inside the 0 became a 1.
    @Test func aFatDigitCroppedTightIsDarkInkOnLightPaper() throws {
        // The 0 is the whole 168 × 240 picture; the hole inside it is about 60 × 140.
        let box = try Self.singleDigitBox("fat-zero-cropped-tight.jpg", reading: "0")
        #expect(box.width > 140 && box.height > 220, "\(box)")
    }

    /// A fat-stroked 2 filling a 280 × 280 canvas: where its strokes meet they are wider than
    /// the paper estimate's element, which took the middle for paper and cut a hole in the
    /// bottom stroke; the 2 was read as a 3.
    @Test func aFatDigitFillingTheCanvasKeepsItsStrokesWhole() throws {
        let reading = try Self.read("fat-two-filling-canvas.jpg", mode: .single)
        #expect(reading.text == "2")
        let crop = try #require(reading.digits.first?.crop)
        // With the hole it was a 3 at 0.73.
        #expect(crop.box.height > 230 && reading.digits[0].confidence > 0.9, "\(crop.box) \(reading.digits[0].confidence)")
    }

    /// A thin chalk 6 on a dark board: its strokes cover under 1 % of the picture, so the
    /// polarity test at the 1 % tails saw only the board and read the dark ground as paper.
    @Test func aThinLightLineOnADarkGroundIsInk() throws {
        let box = try Self.singleDigitBox("thin-chalk-six.jpg", reading: "6")
        #expect(box.height > 120, "the whole 6 is ≈136 px tall, its loop ≈60: \(box)")
    }

    /// A 6 whose top runs into a shadow's sharp edge: the band of shade that the paper estimate
    /// lags behind touched the stroke, made one component with it (too little of its outline
    /// without contrast for the shadow-edge test) and turned the 6 into an 8 under a bar.
    @Test func shadeTouchingADigitIsNotPartOfIt() throws {
        // The band ran across the picture's top (x from 21, y from 4); the 6 is ≈ 127 × 237.
        let box = try Self.singleDigitBox("shadow-band-touching-six.jpg", reading: "6")
        #expect(box.x > 150 && box.width < 180, "\(box)")
    }

    /// A fat white stroke on a dark canvas, wider than the paper estimate's element, so that the
    /// estimate took its middle for paper: the shade flood must not start there, or it would
    /// erase the whole stroke (its level is the stroke's own) and leave nothing to read.
    @Test func theMiddleOfAFatStrokeIsNoShadeToFloodFrom() throws {
        let box = try Self.singleDigitBox("fat-chalk-two.png", reading: "2")
        #expect(box.width > 150 && box.height > 120, "\(box)")
    }

    /// A 3 the pen broke in the middle, both halves nearly its height apart: stacked more than
    /// 1.7 times the taller half (the two-lines-of-digits limit), only the top half was read, as
    /// a 7. In a picture of one digit both halves are that digit.
    @Test func aDigitBrokenInTwoStackedHalvesIsOneDigit() throws {
        let box = try Self.singleDigitBox("broken-three.jpg", reading: "3")
        #expect(box.height > 150, "the top half alone is 103 px tall: \(box)")
    }

    /// "65531": the second 5, faint, came apart in three short pieces, together taller than 1.7
    /// times the tallest piece (the two-lines limit), and was read as two digits ("622531").
    /// Beside whole digits, the limit is measured on the digits' height.
    @Test func aFaintDigitBrokenInShortPiecesInAStringIsOneDigit() throws {
        #expect(try Self.read("broken-five-string.jpg", mode: .multi).text == "65531")
    }

    /// "80185503": the second 5's flat hat, drawn quickly, is wider than the 5's round body is
    /// tall and was not taken for a hat; it became a digit of its own (a 2) on a line above.
    @Test func aFivesWideFlatHatStaysWithItsBody() throws {
        let reading = try Self.read("wide-hat-string.jpg", mode: .multi)
        #expect(reading.text == "80185503")
        #expect(Set(reading.digits.map(\.crop.line)) == [0])
    }

    /// A sheet filling a third of the photo on a dark desk: the desk was most of the picture, so
    /// the polarity test took the lit sheet for light ink on a dark ground, and the paper inside
    /// the 0 (dark after inverting) was read as a 1.
    @Test func aSheetOnADarkDeskIsDarkInkOnPaper() throws {
        // The 0 is about 38 × 50 px; the hole inside it, read as a 1, was 19 × 34.
        let box = try Self.singleDigitBox("sheet-on-dark-desk-zero.jpg", reading: "0")
        #expect(box.width > 30 && box.height > 44, "\(box)")
    }

    /// A sheet turned on a dark desk, the frame cutting it: the desk showed in two corners, and
    /// those wedges (touching the border, never half of it) were taken for ink and grouped with
    /// the 2 into one 194 × 329 "3".
    @Test func theDeskInTheCornersOfAPhotoIsNoInk() throws {
        let box = try Self.singleDigitBox("desk-corners-two.jpg", reading: "2")
        #expect(box.x > 80 && box.y > 130 && box.height < 130, "the 2 is ≈ 98 × 118 at (96, 144): \(box)")
    }

    /// A hard shadow (a phone's, under a lamp) across a sheet and its desk: the desk it misses
    /// is darker than the lit paper and lighter than the shaded desk, and the shaded paper lies
    /// between. Neither the lit paper alone (the shadow's edge crossing the digit bites it) nor
    /// all but the shaded desk looked like a sheet on a desk, so the lit desk was read as ink:
    /// a wedge of it joined a 2 as a 5 (development set seed 97, desk-035), and its edges beside
    /// an 8 were read as two 1s (`--kinds desk` seed 1, desk-073).
    @Test func aHardShadowAcrossSheetAndDeskLeavesTheSheetWhole() throws {
        let box = try Self.singleDigitBox("hard-shadow-desk-two.jpg", reading: "2")
        #expect(box.y > 110 && box.height < 370, "the 2 spans 228 × 344 from (235, 128): \(box)")
        #expect(try Self.read("hard-shadow-desk-eight.jpg", mode: .multi).text == "8")
    }

    /// A canvas drawing saved with its transparency: white strokes (an MNIST 0 enlarged 10×)
    /// painted on a transparent ground. Composited on white, as a page would be, the strokes
    /// vanished and the picture read as blank.
    @Test func whiteStrokesOnATransparentCanvasAreInk() throws {
        let box = try Self.singleDigitBox("white-on-transparent-zero.png", reading: "0")
        #expect(box.width > 100 && box.height > 150, "the 0 is ≈ 150 × 200: \(box)")
    }

    /// A fat white 1 on black, cropped 3 px from its ink (`scripts/bench/cropped-digits.py`,
    /// white-on-black-3): the white is most of the picture, so the median said dark ink. The
    /// upright page held only the black margin (a paper edge), and the inverted one was never
    /// read; with the border dark it is now read second.
    @Test func aFatWhiteDigitCroppedCloseIsReadInverted() throws {
        let box = try Self.singleDigitBox("fat-white-one-cropped.png", reading: "1")
        #expect(box.height > 220 && box.width < 78, "the 1 is ≈ 66 × 242 in a 78 × 246 picture: \(box)")
    }

    /// A yellow 3 (255, 230, 0) drawn on a near-black canvas (10, 10, 10), an MNIST digit
    /// enlarged 10×: its darkest channel (blue, 0) was as dark as the ground, and the picture
    /// read as blank. The brightest channel keeps it (`GreyChannel`).
    @Test func yellowInkOnADarkCanvasIsInk() throws {
        let box = try Self.singleDigitBox("yellow-on-black-three.png", reading: "3")
        #expect(box.width > 150 && box.height > 150, "the 3 is ≈ 200 × 190: \(box)")
    }

    /// A yellow 1 and 4 (255, 230, 40) drawn on a royal blue canvas (30, 60, 150)
    /// (`coloured-drawings.py`, seed 14, blue 005 and 031). In the darkest channel the stroke
    /// (40) was as dark as the ground (30) and only the blend along its edge stood out: the
    /// outline, read 0 and 8, in both modes. The luminance keeps the stroke whole.
    @Test(arguments: [("yellow-on-blue-one.png", "1"), ("yellow-on-blue-four.png", "4")])
    func lightInkOnAColouredCanvasIsReadWhole(file: String, digit: String) throws {
        _ = try Self.digitBoxInBothModes(file, reading: digit)
    }

    /// A fat white 0 on black, cropped 3 px from its ink (`scripts/bench/cropped-digits.py`,
    /// white-on-black-3): read upright, the black paper inside the 0 was a clear "1". That
    /// 1 is a solid blob, not strokes, so the inverted page is read too and holds the 0.
    @Test func theHoleOfAFatWhiteZeroIsNoDigit() throws {
        let box = try Self.singleDigitBox("fat-white-zero-cropped.png", reading: "0")
        #expect(box.width > 100, "the 0 fills the picture; its hole is ≈ 60 px wide: \(box)")
    }

    /// Digits cropped to their ink (`cropped-digits.py`, seed 7: white-on-black-0 1976, a white 3
    /// on black; fat-0 1296, a fat dark 6 on white): the digit hugs a side, so the filters take
    /// it for a paper edge, and it was no clear digit; the other way round, the ground in the 3's
    /// bay and the 6's loop were clear 1s, and won. A mark that spans the picture but meets the
    /// frame along little of its outline is a clear digit (`ComponentFilter.digitCroppedToInk`),
    /// and the hole rule sees that it encloses them.
    @Test(arguments: [("white-three-cropped-to-ink.png", "3"), ("fat-six-cropped-to-ink.png", "6")])
    func aDigitCroppedToItsInkIsClearerThanItsHoles(file: String, digit: String) throws {
        let box = try Self.digitBoxInBothModes(file, reading: digit)
        #expect(box.height > 220, "the digit fills the 240 px tall picture: \(box)")
    }

    /// Fat 1s cropped to their ink (`cropped-digits.py` fat-0: seed 12, 2576 and 7847; seed 1,
    /// 345) read as nothing in the default mode. The threshold pared 9 of the upright 1's 48
    /// columns, and it no longer spanned the frame as a digit cropped to its ink does; the
    /// paper estimate took the slanted 1's wide stroke for paper and left only a rim, which no
    /// filter passed, so the larger paper element was never tried; the soft 1's blurred
    /// outline made it a shadow's edge.
    @Test(arguments: ["fat-one-cropped-to-its-ink.png", "fat-slanted-one-cropped-to-its-ink.png",
                      "soft-fat-one-cropped-to-its-ink.png"])
    func aFatOneCroppedToItsInkIsReadInBothModes(file: String) throws {
        let box = try Self.digitBoxInBothModes(file, reading: "1")
        #expect(box.height > 220, "the 1 fills the 240 px tall picture: \(box)")
    }

    /// A fat white 2 on black with 8 px of black around it (`cropped-digits.py`, seed 7,
    /// fat-white-on-black-8, 5449): read upright, the black near the 2 is ink and further off
    /// paper, so the ground's "mark" spans the frame, meeting it along little of its outline, as
    /// a digit cropped to its ink does; it read as 8. The 2 spans the frame too without touching
    /// it: the ground around it is no digit.
    @Test func theGroundAroundALightDigitNearTheFrameIsNoDigit() throws {
        let box = try Self.digitBoxInBothModes("fat-white-two-near-frame.png", reading: "2")
        #expect(box.x >= 4 && box.y >= 4, "the 2 lies 8 px from the frame: \(box)")
    }

    /// A fat white 0 on black with 8 px of black around it (`cropped-digits.py`, seed 7,
    /// fat-white-on-black-8, 9220): the 0, bright and convex on a dark ground, passed for a sheet
    /// of paper on a desk, and the sheet's "writing", its hole, was read as 2 (7 in the default
    /// mode). Its hole is nearly a fifth of it: more than writing covers on a sheet, where the paper
    /// is as narrow as this 0's strokes (`Sheet.maximumEnclosedDarkAmidStrokes`).
    @Test func aFatWhiteZeroIsNoSheetOfPaper() throws {
        let box = try Self.digitBoxInBothModes("fat-white-zero-on-canvas.png", reading: "0")
        #expect(box.width > 200, "the 0 is ≈ 240 × 216 px, its hole ≈ 130 × 90: \(box)")
    }

    /// A fat white 0 and a fat white 1 on black with 80 px of black around them
    /// (`cropped-digits.py`, seed 7, fat-white-on-black-80, 7381 and 4651): each passed for a
    /// sheet of paper on a desk. The 0's hole is only 2 % of it, as little as a sheet's writing,
    /// and was read as 7; the 1 encloses nothing, and the grey rim along its edge was read as 0.
    /// A sheet in full view is a polygon of few corners, not a round region or a bar
    /// (`Sheet.maximumCorners`, `Sheet.maximumElongation`).
    @Test(arguments: [("fat-white-zero-small-hole.png", "0"), ("fat-white-one-on-canvas.png", "1")])
    func aFatWhiteDigitWithRoomAroundItIsNoSheet(file: String, digit: String) throws {
        let box = try Self.digitBoxInBothModes(file, reading: digit)
        #expect(box.height > 200, "the digit is ≈ 240 px tall: \(box)")
    }

    /// A fat white 9 and 8 on black, cropped 3 px from their ink (`scripts/bench/cropped-digits.py`,
    /// seed 7, white-on-black-3, 2478 and 7745): read upright, the narrow dark loops inside them
    /// were clear 1s, thin enough not to be solid. The inverted page is read too, and its digit
    /// holds the upright one's box: that was a hole of it.
    @Test(arguments: [("fat-white-nine-cropped.png", "9"), ("fat-white-eight-cropped.png", "8")])
    func aHoleOfAFatWhiteDigitIsNoDigit(file: String, digit: String) throws {
        let box = try Self.singleDigitBox(file, reading: digit)
        #expect(box.width > 150 && box.height > 200, "the digit fills the 198 × 246 picture; its holes are < 85 px wide: \(box)")
    }

    /// Photos taken with the flash in a dark room (`scripts/bench/flash-photos.py`, seed 1,
    /// dark-room 001 and 015): the flash lit a patch of the page around the digit and the rest
    /// fell off to dark. Read inverted, the lit patch was a light "digit" holding the real one as
    /// its hole, and both read as 0. Its outline is a slope, not a light digit's edge.
    @Test(arguments: [("flash-dark-room-six.jpg", "6"), ("flash-dark-room-five.jpg", "5")])
    func paperLitByAFlashIsNoLightDigit(file: String, digit: String) throws {
        let box = try Self.singleDigitBox(file, reading: digit)
        #expect(box.width < 200 && box.height < 200, "the digit is ≈ 125 × 140 px; the lit patch ≈ 500 × 500: \(box)")
    }

    /// A photo lit by a desk lamp in a dark room (`scripts/bench/flash-photos.py`, seed 1,
    /// desk-lamp 014): the pool of light is the light minority, so the picture was read as light
    /// ink on a dark ground first, and the pool, holding the 3 as its hole, was the digit (read 2),
    /// in either mode.
    @Test func aPoolOfLampLightIsNoLightDigit() throws {
        let box = try Self.digitBoxInBothModes("desk-lamp-three.jpg", reading: "3")
        #expect(box.width < 200 && box.height < 200, "the 3 is ≈ 130 × 130 px; the pool ≈ 455 × 320: \(box)")
    }

    /// Light digits drawn with a soft brush on black (`scripts/bench/cropped-digits.py`, seed 7,
    /// soft-white-on-black-20, 8116 and 7887: blurred by 6 % of their height). Their outline is a
    /// slope, like a lamp's pool: the 6, read inverted first, yielded to its hole read upright as
    /// a lit patch's dark digit, and the 0, read upright first, kept its hole, as its outline was
    /// no light digit's edge; both read 1 in either mode. A hole as soft as its digit and round
    /// is no pen's ink (`DigitGroup.isBlurredHole`).
    @Test(arguments: [("soft-white-six.png", "6"), ("soft-white-zero.png", "0")])
    func aHoleOfASoftLightDigitIsNoDigit(file: String, digit: String) throws {
        let box = try Self.digitBoxInBothModes(file, reading: digit)
        #expect(box.width > 180 && box.height > 180, "the digit is ≈ 220 × 210 px, its hole ≈ 130 × 80: \(box)")
    }

    /// Desk-lamp photos whose digit lies at the rim of the pool of light (`flash-photos.py`, seed
    /// 1, desk-lamp 002 and 034: a 5 where the frame cuts the pool, a 6 where the pool fades).
    /// Read inverted, the pool holding the digit was the light "digit" again (both read 0), but
    /// where the digit cuts the pool's rim its sharp edges are part of the pool's outline, and
    /// the outline's median step was an edge's.
    @Test(arguments: [("desk-lamp-rim-five.jpg", "5"), ("desk-lamp-rim-six.jpg", "6")])
    func aPoolOfLampLightCutByItsDigitIsNoLightDigit(file: String, digit: String) throws {
        let box = try Self.digitBoxInBothModes(file, reading: digit)
        #expect(box.width < 250, "the 5 is ≈ 100 px wide and the 6 ≈ 190, their pools ≈ 400 and 500: \(box)")
    }

    /// A desk-lamp photo whose pool of light the frame cuts (`flash-photos.py`, seed 1, desk-lamp
    /// 070). Read inverted, the pool was no digit (it reaches the frame) and the lit paper in the
    /// 6's loop was the light "digit", read 1 in either mode. It lies inside the dark 6 that the
    /// upright reading finds.
    @Test func theLitPaperInADigitsLoopIsNoLightDigit() throws {
        let box = try Self.digitBoxInBothModes("desk-lamp-loop-six.jpg", reading: "6")
        #expect(box.height > 200, "the 6 is ≈ 150 × 240 px, its loop ≈ 65 × 50: \(box)")
    }

    /// Desk-lamp photos whose pool of light the frame cuts (`flash-photos.py`, seed 1 desk-lamp
    /// 032, seed 13 desk-lamp 014). Read inverted, the lit paper inside the 0, and inside the
    /// 8's lower loop, was the light "digit", read 1 in either mode. Bounded all round by the
    /// digit's strokes, its outline is an edge, not a lit patch's slope, but it is a blob, as no
    /// pen draws a digit, and the dark digit that the upright reading finds encloses it.
    @Test(arguments: [("desk-lamp-loop-zero.jpg", "0"), ("desk-lamp-loop-eight.jpg", "8")])
    func theLitPaperInsideADigitsClosedLoopIsNoLightDigit(file: String, digit: String) throws {
        let box = try Self.digitBoxInBothModes(file, reading: digit)
        #expect(box.height > 190, "the 0 is ≈ 120 × 210 px and the 8 ≈ 145 × 205, their loops under 150 px tall: \(box)")
    }

    /// Desk-lamp photos whose pool of light the frame cuts (`flash-photos.py`, seed 3, desk-lamp
    /// 035 and 039). Where the light falls off towards the frame, the paper estimate carries the
    /// pool's brightness into the dim strip, which read as ink: a crescent along the frame,
    /// joined to the digit below or beside it (the 9 read 2 in both modes, the 8 read 9 in
    /// `--single`). Its outline is a slope all round.
    @Test(arguments: [("desk-lamp-fading-nine.jpg", "9", [176, 372, 260, 493]),
                      ("desk-lamp-fading-eight.jpg", "8", [542, 329, 668, 510])])
    func lightFallingOffTowardsTheFrameIsNoInk(file: String, digit: String, ink: [Int]) throws {
        try Self.expectDigitAlone(file, reading: digit, spanning: ink)
    }

    /// Outlines that slope as the light's fall does, read inverted, are not dropped with it: a
    /// soft chalk 5 whose body the frame cuts (`chalkboard-photos.py`, seed 2, board 009: its hat
    /// alone read 2), and a lamp's pool reaching the frame, which the lit-patch rule must see to
    /// prefer the dark 6 inside it (`flash-photos.py`, seed 3, desk-lamp 041: the lit paper in
    /// the 6's loop alone read 5).
    @Test func slopingOutlinesReadInvertedStay() throws {
        let chalk = try Self.singleDigitBox("chalk-five-cut-by-the-frame.jpg", reading: "5")
        #expect(chalk.height > 100, "the 5 with its hat is ≈ 190 × 134 px, the hat ≈ 96 × 28: \(chalk)")
        let six = try Self.digitBoxInBothModes("desk-lamp-pool-at-the-frame-six.jpg", reading: "6")
        #expect(six.height > 120 && six.height < 200, "the 6 is ≈ 140 × 156 px, the pool ≈ 415 × 290: \(six)")
    }

    /// A fat, soft 2 cropped to its ink (`cropped-digits.py`, seed 1, margin-0 6111): the frame
    /// cuts its pieces and their outlines slope with blur, but with no sharp-edged digit beside
    /// them they are the digit. Dropped, its base went and the rest read 7.
    @Test func aSoftDigitCroppedToItsInkIsNoShading() throws {
        let box = try Self.digitBoxInBothModes("two-cropped-to-its-ink.png", reading: "2")
        #expect(box.height > 220, "the 2 is ≈ 196 × 237 px, without its base ≈ 196 px tall: \(box)")
    }

    /// A photo lit by the flash alone (`flash-photos.py`, seed 1, dark-room 019): the dim
    /// corners beyond the lit patch read as digits, "77\n6\n11" in the default mode.
    @Test func aDarkRoomsFadingCornersAreNoDigits() throws {
        let reading = try Self.read("flash-dark-room-fading-six.jpg", mode: .multi)
        #expect(reading.text == "6", "\(reading.digits.map(\.crop.box))")
    }

    /// Digits drawn with a paint program's one-pixel pencil on a canvas twice their size
    /// (`scripts/bench/hairline-digits.py`, seed 3, pencil 011 and 023): shrunk to the 20×20 box
    /// the line became too faint to measure or thicken, and both read as 1.
    @Test(arguments: [("hairline-four.png", "4"), ("hairline-five.png", "5")])
    func aHairlineDrawingIsReadAsItsDigit(file: String, digit: String) throws {
        #expect(try Self.read(file, mode: .single).text == digit)
    }

    /// The same one-pixel pencil, white on a black canvas (`hairline-digits.py`, seed 3, white 013
    /// and 124): the lines cover under 0.1 % of the canvas, so the polarity test's 0.1 % tails
    /// saw only black, called the picture balanced and read it upright, where it holds no ink.
    /// `--single` read the largest mark, the canvas's edge, as 1; the default mode read nothing.
    @Test(arguments: [("hairline-white-six.png", "6"), ("hairline-white-nine.png", "9")])
    func aHairlineDrawingOnABlackCanvasIsLightInk(file: String, digit: String) throws {
        let box = try Self.digitBoxInBothModes(file, reading: digit)
        #expect(box.height > 200, "the 6 is ≈ 145 × 290 px, the 9 ≈ 70 × 230: \(box)")
    }

    /// A page held in the hand (`scripts/bench/held-photos.py`, seed 3, held-015): the thumb
    /// reaching up from the bottom edge sat under the 2 and joined it as a stacked piece (read
    /// as 6). A solid region cut by the frame is an object, not ink.
    @Test func aThumbHoldingThePageIsNoPartOfTheDigit() throws {
        let box = try Self.singleDigitBox("thumb-below-two.jpg", reading: "2")
        #expect(box.maxY < 580, "the 2 ends at y ≈ 545, the thumb reaches the bottom (800): \(box)")
    }

    /// Held pages whose thumb the solid-region test missed (`held-photos.py`, seed 4): one touches
    /// the 6 from the left, so the two were one component (read as 2); a long thin one reaching
    /// down to the 8 has a widest disc small next to its length and was grouped with it as a
    /// stacked piece (read as 6). The wide part of ink the frame cuts is an object
    /// (`EdgeObjects`).
    @Test func aThumbTouchingTheDigitIsCutAway() throws {
        let box = try Self.singleDigitBox("thumb-touching-six.jpg", reading: "6")
        #expect(box.x > 200, "the 6 starts at x ≈ 242, the thumb at the left edge: \(box)")
    }

    @Test func aLongThinThumbIsNoStackedPiece() throws {
        let box = try Self.singleDigitBox("long-thumb-above-eight.jpg", reading: "8")
        #expect(box.y > 250, "the 8 starts at y ≈ 311, the thumb at the top edge: \(box)")
    }

    /// A thumb as wide as the 6 beside it and three times as long, reaching down from the top
    /// edge and narrowing there (`held-photos.py`, seed 15, held-000): its wide part, deep in
    /// the picture, hardly touched the frame, so it was not cut and joined the 6 as a stacked
    /// piece. A component that is the object alone reaches the frame by the object.
    @Test func aThumbNarrowingToTheFrameIsNoStackedPiece() throws {
        let box = try Self.singleDigitBox("thumb-narrowing-to-the-frame-six.jpg", reading: "6")
        #expect(box.y > 200, "the 6 starts at y ≈ 241, the thumb at the top edge: \(box)")
    }

    /// The tool that wrote the digit, lying on the page beside it (`scripts/bench/pen-photos.py`):
    /// a straight bar longer than the digit, read as a 1 (a pencil beside a 3, a marker beside a
    /// 3, a pen running out of the frame beside an 8) or joined to a 1 as a stacked piece (a pen
    /// running out of the frame below it). Pencil-001 and pen-003 of an early version of the
    /// script, marker-050 and pen-098 of seed 1. A marker's barrel may measure under 2.5 times
    /// a bold digit's strokes (beside a 0, read as 6): marker-009 of seed 1. A white body shows
    /// only its shaded sides and its cap (a marker beside a 1, read as 5; a pen running out of
    /// the frame above a 5, read as 7): marker-002 and pen-010 of seed 1. A marker the frame
    /// cuts, its barrel 2.4 times the 5's strokes across (below a 5, read as 2), and white
    /// markers, whose bands measure shorter against their width than a solid body's (lying
    /// whole beside a 4, read as 7; a stub the frame cuts below a 4, read as 1): marker-061 of
    /// seed 2, marker-041 of seed 1, marker-007 of seed 2. In the default mode the stubs the
    /// frame cuts were read as a second line of writing ("5\n2", "4\n7"). A white pen whose two
    /// shaded sides threshold apart is two thin lines, each as wide as the digit's strokes (the
    /// frame cuts both: below a 9, joined to it and read as 2; beside a 6, read "61"): pen-086 and
    /// pen-039 of seed 1. Where the lit side is too faint to keep, one thin line shows, joined
    /// to the black cap (beside a 2, read as 1): pen-054 of seed 1. A white marker running out of
    /// the frame along one side spans only the part of its band inside it (beside an 8, read
    /// "81" in the default mode): marker-002 of seed 2. A marker's straight-sided barrel only 2.1
    /// times a bold 4's strokes across (the 4 read as its part, "1"; "4\n1" in the default
    /// mode): marker-019 of seed 14. In either mode the digit alone is read. Each digit's box (x,
    /// y, maxX, maxY) was measured on the picture (from the fifth on, on the same photo without
    /// the tool).
    @Test(arguments: [("pencil-beside-three.jpg", "3", [195, 264, 295, 413]), ("marker-beside-three.jpg", "3", [306, 262, 450, 502]),
                      ("pen-beside-eight.jpg", "8", [131, 274, 314, 515]), ("pen-below-one.jpg", "1", [266, 268, 299, 415]),
                      ("marker-beside-zero.jpg", "0", [233, 261, 362, 443]), ("white-marker-beside-one.jpg", "1", [282, 338, 408, 560]),
                      ("white-pen-above-five.jpg", "5", [182, 426, 331, 602]), ("marker-cut-below-five.jpg", "5", [211, 311, 353, 490]),
                      ("white-marker-beside-four.jpg", "4", [305, 430, 447, 591]),
                      ("white-marker-stub-below-four.jpg", "4", [256, 346, 372, 524]),
                      ("white-pen-sides-below-nine.jpg", "9", [264, 421, 380, 568]),
                      ("white-pen-sides-beside-six.jpg", "6", [244, 194, 382, 459]),
                      ("white-pen-cap-beside-two.jpg", "2", [257, 319, 403, 464]),
                      ("white-marker-cut-beside-eight.jpg", "8", [218, 216, 314, 397]),
                      ("marker-beside-bold-four.jpg", "4", [294, 274, 396, 436])])
    func aPenLyingBesideTheDigitIsNoPartOfIt(file: String, digit: String, ink: [Int]) throws {
        try Self.expectDigitAlone(file, reading: digit, spanning: ink)
    }

    /// Photos of pages whose lines cross the frame at an angle (`scripts/bench/turned-pages.py`,
    /// seed 1): a ruled page turned 12° (ruled-004, read as 2), squared paper turned 4°
    /// (squared-001, read as 8) and a sheet folded twice (creased-011, read as 2). Turned by more
    /// than half a degree, a line drifted off its row before it was long enough to be a ruled
    /// line: it stayed ink and the digit it crossed was read together with it. In either mode,
    /// the digit alone is read.
    @Test(arguments: [("turned-ruled-five.jpg", "5"), ("turned-squared-seven.jpg", "7"), ("creased-three.jpg", "3")])
    func linesAcrossATurnedOrFoldedPageAreNoInk(file: String, digit: String) throws {
        let box = try Self.digitBoxInBothModes(file, reading: digit)
        #expect(box.width < 200 && box.height < 200, "the digit is under 170 px each way: \(box)")
    }
}

extension RealPictureFailureTests {
    /// A 4 with a line under it, and a 2 in a ring (`scripts/bench/writers-marks.py` seed 1,
    /// underlined-010 and circled-000): each mark was read with the digit, the 4 as a 1 and the
    /// ringed 2 as a 0. In either mode, the digit alone is read.
    @Test(arguments: [("underlined-four.jpg", "4", [104, 52, 175, 156]), ("ringed-two.jpg", "2", [66, 30, 119, 94])])
    func aLineUnderTheDigitOrARingAroundItIsNoPartOfIt(file: String, digit: String, ink: [Int]) throws {
        try Self.expectDigitAlone(file, reading: digit, spanning: ink)
    }

    /// A 9 and a 7 with a line drawn against the foot (`scripts/bench/writers-marks.py` seed 1,
    /// underlined-touching-097 and -003): one mark with the digit, the line made the 9 a 2 and
    /// the 7 a 1. In either mode, the digit is read without the line; a stub of it stays under
    /// the foot, where the two strokes are one.
    @Test(arguments: [("underline-touching-nine.jpg", "9", [94, 53, 158, 161]),
                      ("underline-touching-seven.jpg", "7", [51, 30, 110, 90])])
    func aLineAgainstTheDigitsFootIsNoPartOfIt(file: String, digit: String, ink: [Int]) throws {
        try Self.expectDigitAlone(file, reading: digit, spanning: ink)
    }

    /// A 0 standing by its loop on a line begun just left of it (`scripts/bench/writers-marks.py`
    /// seed 22, underlined-touching-031): standing near the line's left end, it looked like a
    /// 2's diagonal landing on its base, and the line kept made the 0 a 2. In either mode, the 0
    /// is read without the line.
    @Test func aLoopStandingOnAnUnderlineNearItsStartIsNoTwosBase() throws {
        try Self.expectDigitAlone("underline-touching-zero.jpg", reading: "0", spanning: [95, 50, 171, 150])
    }

    /// A 7 and a 9 with a line drawn against the foot (`scripts/bench/writers-marks.py` seed 13,
    /// underlined-touching-032 and -039) whose blurred end columns thresholded to their middles
    /// only, a pixel or two above the line's bottom edge: the line was not taken for one, and
    /// made each digit a 2. In either mode, the digit is read without the line.
    @Test(arguments: [("underline-faint-end-seven.jpg", "7", [115, 53, 191, 160]),
                      ("underline-faint-end-nine.jpg", "9", [82, 47, 140, 142])])
    func aLineWithFaintEndsAgainstTheDigitsFootIsNoPartOfIt(file: String, digit: String, ink: [Int]) throws {
        try Self.expectDigitAlone(file, reading: digit, spanning: ink)
    }

    /// A ring drawn around a digit and touching it (`scripts/bench/writers-marks.py`, seed 1
    /// circled-012 and seed 3 circled-046): one mark with the 4 (touching it at its left side)
    /// or the 9 (at its top and foot), the ring made each a 0. In either mode, the digit is read
    /// alone, its box within the ring.
    @Test(arguments: [("ring-touching-four.jpg", "4", [67, 33, 137, 103]),
                      ("ring-touching-nine.jpg", "9", [100, 46, 166, 139])])
    func aRingAgainstTheDigitIsNoPartOfIt(file: String, digit: String, ink: [Int]) throws {
        try Self.expectDigitAlone(file, reading: digit, spanning: ink)
    }

    /// "196" in a ring drawn around it (`scripts/bench/ringed-numbers.py` seed 7, clear-033),
    /// which touches the 1 where it narrows: one mark, ring and 1 were kept as a slashed zero,
    /// then dropped as a ring around the 9 and the 6, and the number was read 96.
    @Test func aRingTouchingTheOneOfANumberIsNoPartOfIt() throws {
        #expect(try Self.read("ringed-number-one-nine-six.jpg", mode: .multi).text == "196")
    }

    /// A fat white 8 on black, cropped to its ink (`scripts/bench/cropped-digits.py`,
    /// white-on-black-0, test image 3186): the light digit is most of the picture, so it was
    /// read as dark ink, and the dark ground in the corners, cut by the frame, hid its holes
    /// from the rule that reads a light digit's holes as holes. Read light, the 8 fills the
    /// picture. The default mode reads it so too: there the rule was not applied, and the
    /// holes were read as a 7.
    @Test func aLightDigitCroppedToItsInkIsReadLight() throws {
        let box = try Self.digitBoxInBothModes("cropped-light-eight.png", reading: "8")
        #expect(box.width >= 110 && box.height >= 230, "the 8 fills the 120 × 240 picture: \(box)")
    }

    /// A 3 cropped to its ink (`scripts/bench/cropped-digits.py`, margin-0, test image 1976)
    /// hugs the top of the frame as a sheet's dark surround does, and the default mode, which
    /// has no fallback to the largest mark, read nothing. Alone in the picture and spanning it,
    /// it is read.
    @Test func aDigitCroppedToItsInkIsReadInTheDefaultMode() throws {
        let reading = try Self.read("cropped-three.png", mode: .multi)
        #expect(reading.text == "3")
        let box = try #require(reading.digits.first?.crop.box)
        #expect(box.width >= 130 && box.height >= 230, "the 3 fills the 144 × 240 picture: \(box)")
    }

    /// A fat white 7 on black, cropped to its ink (fat-white-on-black-0, test image 1576): it
    /// has no hole, so all the dark "ink" read upright is ground that the frame cuts, and a
    /// piece of it was read as a 2 (`--single`) or as 27. Read light, the 7 fills the frame.
    @Test func aLightDigitWithoutHolesCroppedToItsInkIsReadLight() throws {
        let box = try Self.digitBoxInBothModes("cropped-light-seven.png", reading: "7")
        #expect(box.width >= 120 && box.height >= 230, "the 7 fills the 132 × 240 picture: \(box)")
    }
}
