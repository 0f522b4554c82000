import Testing
@testable import DigitsKit

/// Which channel becomes grey: a colour picture's ink must keep its contrast with the ground.
@Suite struct GreyChannelTests {
    /// A 200 × 150 picture of `ground` with a stroke of `ink` 6 px wide, a 7 of 60 × 40 whose
    /// downstroke runs through (127, 75), and, when given, a 120 × 90 sheet of `sheet` under it.
    static func picture(ground: [UInt8], ink: [UInt8], sheet: [UInt8]? = nil) throws -> RasterImage {
        let sheetBlock = sheet.map { [(40..<160, 30..<120, $0)] } ?? []
        return try picture(ground: ground, blocks: sheetBlock + [(70..<130, 55..<61, ink), (124..<130, 55..<95, ink)])
    }

    /// A 200 × 150 picture of `ground` with blocks of colour (columns, rows, colour), each
    /// painted over those before it.
    static func picture(ground: [UInt8], blocks: [(Range<Int>, Range<Int>, [UInt8])]) throws -> RasterImage {
        let width = 200, height = 150
        var pixels = [UInt8]()
        for _ in 0..<(width * height) { pixels += ground }
        for (xs, ys, colour) in blocks {
            for y in ys { for x in xs { for k in 0..<3 { pixels[3 * (y * width + x) + k] = colour[k] } } }
        }
        return try #require(RasterImage(width: width, height: height, channels: 3, pixels: pixels))
    }

    @Test(arguments: [
        ([10, 10, 10], [255, 230, 0], GreyChannel.brightest),     // yellow on black
        ([20, 25, 40], [0, 220, 255], .brightest),                // cyan on navy
        ([40, 40, 45], [255, 80, 80], .brightest),                // red on dark grey
        ([10, 10, 10], [255, 255, 255], .darkest),                // white on black: either will do
        ([245, 245, 240], [40, 50, 150], .darkest),               // blue ballpoint on paper
        ([250, 235, 110], [20, 20, 25], .darkest),                // black on a yellow note
        ([30, 60, 150], [255, 230, 40], .luminance),              // yellow on royal blue
        ([30, 60, 150], [0, 220, 255], .luminance),               // cyan on royal blue
        ([30, 60, 150], [255, 255, 255], .darkest),               // white on royal blue: the darkest will do
    ] as [([UInt8], [UInt8], GreyChannel)])
    func inkKeepsItsContrast(ground: [UInt8], ink: [UInt8], channel: GreyChannel) throws {
        #expect(GreyChannel.choose(for: try Self.picture(ground: ground, ink: ink)) == channel)
    }

    /// A yellow stroke drawn with a soft brush on dark blue: where its edge blends into the
    /// ground (a third of the way, ≈ 90, 97, 96) it stands out further in the darkest channel
    /// than the stroke itself (40, against the ground's 20). In the darkest channel only that
    /// edge showed, as a ring read as 0; the stroke stands out in the brightest.
    @Test func aSoftYellowStrokeOnDarkBlueTakesTheBrightest() throws {
        let edge: [UInt8] = [90, 97, 96], ink: [UInt8] = [255, 230, 40]
        let photo = try Self.picture(ground: [20, 40, 120], blocks: [
            (67..<133, 52..<64, edge), (121..<133, 52..<98, edge), (70..<130, 55..<61, ink), (124..<130, 55..<95, ink),
        ])
        #expect(GreyChannel.choose(for: photo) == .brightest)
    }

    /// An orange stroke (255, 140, 0) on royal blue (30, 60, 150): where its edge blends halfway
    /// into the ground (142, 100, 75) the brightest channel dips below the ground's (the blue's
    /// 150), and the darkest channel of the stroke (0) lies below the ground's (30), so either
    /// showed the edge as a ring of ink around the stroke. In the luminance the edge lies
    /// between the ground and the stroke.
    @Test func anOrangeStrokesEdgeOnBlueLiesBetweenGroundAndStroke() throws {
        let photo = try Self.picture(ground: [30, 60, 150], blocks: [
            (67..<133, 52..<64, [142, 100, 75]), (121..<133, 52..<98, [142, 100, 75]),
            (70..<130, 55..<61, [255, 140, 0]), (124..<130, 55..<95, [255, 140, 0]),
        ])
        #expect(GreyChannel.choose(for: photo) == .luminance)
        let grey = GrayImage(photo), ground = grey[10, 10], edge = grey[127, 53], stroke = grey[127, 75]
        #expect(ground < edge && edge < stroke, "ground \(ground), edge \(edge), stroke \(stroke)")
        let shrunk = GrayImage(photo, width: 100, height: 75)
        #expect(abs(shrunk[5, 5] - ground) < 0.01 && shrunk[63, 37] > edge)
    }

    /// A white sheet on a brown desk stands out as far in both channels, so blue ink on it keeps
    /// the darkest channel, where it is as dark as black ink (in the brightest it would be 150).
    @Test func blueInkOnASheetOnADarkDeskStaysDark() throws {
        let photo = try Self.picture(ground: [120, 85, 55], ink: [40, 50, 150], sheet: [235, 235, 230])
        #expect(GreyChannel.choose(for: photo) == .darkest)
        #expect(GrayImage(photo)[127, 75] < 0.2)
    }

    /// An orange sticky note on a dark desk stands out twice as far in the brightest channel as
    /// in the darkest, as orange ink would, but it is a sheet: red ink on it keeps the darkest
    /// channel, where it is dark (in the brightest it is 180, against the note's 250).
    @Test func redInkOnAnOrangeNoteOnADarkDeskStaysDark() throws {
        let photo = try Self.picture(ground: [45, 42, 40], ink: [180, 30, 35], sheet: [250, 190, 110])
        #expect(GreyChannel.choose(for: photo) == .darkest)
        #expect(GrayImage(photo)[127, 75] < 0.2)
    }

    /// On a black desk too: the sheet stands out as far in both channels as its blue ink does
    /// in the brightest, so the coloured marks are no third of what is light.
    @Test func blueInkOnASheetOnABlackDeskStaysDark() throws {
        let photo = try Self.picture(ground: [25, 25, 28], ink: [40, 50, 150], sheet: [235, 235, 230])
        #expect(GreyChannel.choose(for: photo) == .darkest)
    }

    /// A dark-theme drawing app: white strokes (the brightest of the picture, as far out in
    /// both channels) beside a row of red, green and blue buttons. In the darkest channel the
    /// buttons sank into the black and only the white was left.
    @Test func aDarkThemeAppsColourButtonsStayVisible() throws {
        let buttons: [[UInt8]] = [[230, 50, 50], [60, 180, 70], [40, 110, 230]]
        let app = try Self.picture(ground: [18, 18, 18], blocks: [(90..<96, 20..<90, [250, 250, 250])]
            + buttons.enumerated().map { i, colour in ((40 + 45 * i)..<(60 + 45 * i), 115..<135, colour) })
        #expect(GreyChannel.choose(for: app) == .brightest)
        #expect(GrayImage(app)[50, 125] > 0.8)
    }

    @Test func theGreyImageTakesTheChosenChannel() throws {
        let drawing = try Self.picture(ground: [10, 10, 10], ink: [255, 230, 0])
        #expect(GrayImage(drawing)[127, 75] == 1)
        #expect(GrayImage(drawing, width: 100, height: 75)[63, 37] == 1)
    }
}
