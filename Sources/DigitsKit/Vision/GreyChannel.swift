/// Which channel of a colour picture becomes its grey levels: the ink must keep its contrast
/// with the ground whatever its colour.
///
/// Ink darker than its ground takes the darkest channel: blue ballpoint (≈ 40, 50, 150) or red
/// pen on white paper comes out as dark as black ink would, where a luminance weighting would
/// leave blue ink at half contrast; white and grey paper are unaffected because their channels
/// are equal. Light ink on a dark ground needs the brightest channel instead: a yellow, orange
/// or cyan stroke on a dark canvas has a channel near 0, so its darkest channel is as dark as
/// the ground and the drawing vanished.
///
/// The brightest channel is taken where the picture's border (its ground) is dark in every
/// channel and the brightest 0.1 % (in the brightest channel) stands out from it at least twice
/// as far there as in its own darkest channel, or where the ground is near black and coloured
/// marks are a good part of what stands out on it (a dark-theme app's colour buttons). White ink, chalk and a
/// white sheet on a dark desk stand out as far in both, and keep the darkest channel, so dark
/// coloured ink on that sheet stays dark. A coloured sheet on a dark desk is paper too.
///
/// On a strongly coloured ground (dark in one channel, light in another: a royal blue canvas)
/// light ink takes the luminance. The darkest channel of yellow or cyan ink is as dark as the
/// blue's, and the brightest channel of the blend along an orange stroke's edge dips below the
/// blue's (their brightest channels differ): either way only a ring around the stroke stood
/// out, read as 0 or 8. A weighted sum of the channels runs straight from ground to ink.
enum GreyChannel {
    case darkest, brightest, luminance

    static func choose(for image: RasterImage) -> GreyChannel {
        guard image.channels == 3 else { return .darkest }
        // The border first: most pictures are on light paper, and that ends the question.
        var borderDarkest = GreyLevels(), borderBrightest = GreyLevels()
        forEachSample(of: image, borderOnly: true) { low, high in
            borderDarkest.add(low)
            borderBrightest.add(high)
        }
        let groundDarkest = borderDarkest.percentile(0.5), groundBrightest = borderBrightest.percentile(0.5)
        let groundIsColoured = groundDarkest < nearBlack && groundBrightest >= 128
        guard groundBrightest < 128 || groundIsColoured else { return .darkest }
        var darkest = GreyLevels(), brightest = GreyLevels()
        forEachSample(of: image, borderOnly: false) { low, high in
            darkest.add(low)
            brightest.add(high)
        }
        let brightTail = brightest.percentile(0.999)
        // How far the brightest marks stand out in their own darkest channel, not how far the
        // picture's darkest-channel tail does: where a light stroke's soft edge blends into a
        // coloured ground, the blend stands out further in the darkest channel than the stroke
        // (yellow on dark blue: the stroke 40 there, its edge up to 95, the ground 20).
        var brightMarksDarkest = GreyLevels()
        forEachSample(of: image, borderOnly: false) { low, high in
            if Int(high) >= brightTail { brightMarksDarkest.add(low) }
        }
        let standOutDarkest = brightMarksDarkest.percentile(0.5) - groundDarkest
        let standOutBrightest = brightTail - groundBrightest
        let lightInk = standOutBrightest > 2 * max(standOutDarkest, 8)
            || groundBrightest < nearBlack && hasColouredMarks(darkest: darkest, brightest: brightest,
                                                               groundDarkest: groundDarkest, groundBrightest: groundBrightest)
        guard lightInk && !isColouredSheetOnADesk(image) else { return .darkest }
        return groundIsColoured ? .luminance : .brightest
    }

    /// Grey levels 0…1 of `count` RGB pixels at `source`, written to `target`.
    func convert(_ source: UnsafePointer<UInt8>, into target: UnsafeMutablePointer<Float>, count: Int) {
        let scale: Float = 1 / 255
        // One plain loop per channel, which the compiler can vectorise.
        switch self {
        case .darkest:
            for i in 0..<count { target[i] = Float(min(source[3 * i], min(source[3 * i + 1], source[3 * i + 2]))) * scale }
        case .brightest:
            for i in 0..<count { target[i] = Float(max(source[3 * i], max(source[3 * i + 1], source[3 * i + 2]))) * scale }
        case .luminance:
            // ITU-R BT.601's weights.
            let (r, g, b) = (0.299 * scale, 0.587 * scale, 0.114 * scale)
            for i in 0..<count { target[i] = r * Float(source[3 * i]) + g * Float(source[3 * i + 1]) + b * Float(source[3 * i + 2]) }
        }
    }

    /// Whether what stands out light is a sheet of coloured paper on a dark desk (`Sheet`), not
    /// strokes: a yellow or orange sticky note stands out twice as far in the brightest channel
    /// as in the darkest, as yellow ink does, but it is paper, and red or blue ink on it is
    /// nearly as bright as the note in the brightest channel. In the darkest the note is still
    /// lighter than the desk, and the ink on it dark.
    private static func isColouredSheetOnADesk(_ image: RasterImage) -> Bool {
        // Shrunk straight to the sheet search's size: no full-size copy of a large photo.
        let size = Sheet.searchCopySize(width: image.width, height: image.height)
        return Sheet.isPresent(in: GrayImage(image, channel: .darkest, width: size.width, height: size.height))
    }

    /// A ground darker than this in every channel is near black: a dark-theme app, a black
    /// canvas, a blackboard, not dim paper (a dim photo of a sheet is 90–125 in its border).
    private static let nearBlack = 64

    /// How far above the ground a sample stands to count as a mark, not the ground's grain or
    /// glow: a quarter of the range.
    private static let markContrast = 64

    /// Whether, on a near-black ground, coloured marks make a third or more of what stands out
    /// light: the brightest channel finds at least 1.5 times the marks the darkest finds, and
    /// at least 0.1 % of the picture (fewer are specks). A dark-theme app draws white text and
    /// ink beside coloured buttons; with white the brightest of the picture, the tail alone keeps
    /// the darkest channel, in which the buttons sink into their bar and the ring around the
    /// chosen one stands alone, heavier than a small digit. A white sheet on a black desk, by
    /// contrast, stands out in both channels alike, however coloured its ink.
    private static func hasColouredMarks(darkest: GreyLevels, brightest: GreyLevels,
                                         groundDarkest: Int, groundBrightest: Int) -> Bool {
        let inDarkest = darkest.count(atOrAbove: groundDarkest + markContrast)
        let inBrightest = brightest.count(atOrAbove: groundBrightest + markContrast)
        return inBrightest * 1_000 >= brightest.count && 2 * inBrightest >= 3 * inDarkest
    }

    /// The darkest and brightest channel of about 250 000 pixels on a regular grid (plenty for
    /// a 0.1 % tail, also of a 12-megapixel photo), or of those of them in the border (the
    /// outer 1 % of the short side).
    private static func forEachSample(of image: RasterImage, borderOnly: Bool, _ body: (UInt8, UInt8) -> Void) {
        let width = image.width, height = image.height
        let step = max(1, Int((Double(width * height) / 250_000).squareRoot()))
        let border = max(1, min(width, height) / 100)
        // In a row between the border's top and bottom, the samples from the first at or past
        // `width - border` on; those before it and from `border` on are inside.
        let rightBorder = (max(border, width - border) + step - 1) / step * step
        image.pixels.withUnsafeBufferPointer { p in
            @inline(__always) func sample(_ x: Int, _ y: Int) {
                let i = 3 * (y * width + x)
                body(min(p[i], min(p[i + 1], p[i + 2])), max(p[i], max(p[i + 1], p[i + 2])))
            }
            for y in stride(from: 0, to: height, by: step) {
                if borderOnly && y >= border && y < height - border {
                    for x in stride(from: 0, to: min(border, width), by: step) { sample(x, y) }
                    for x in stride(from: rightBorder, to: width, by: step) { sample(x, y) }
                } else {
                    for x in stride(from: 0, to: width, by: step) { sample(x, y) }
                }
            }
        }
    }
}
