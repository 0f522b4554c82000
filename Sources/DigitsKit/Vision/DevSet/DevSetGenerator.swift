/// One picture of the development set.
public struct DevSetSample: Sendable {
    /// File name, e.g. "pencil-007.jpg".
    public let name: String
    public let kind: DevSetKind
    /// The digits the picture shows, in reading order ("7", "90210").
    public let value: String
    public let image: RasterImage
    /// JPEG quality when the picture is saved as JPEG; nil for PNG.
    public let jpegQuality: Int?
}

/// Renders the development set: MNIST *test* digits (never training digits), enlarged smoothly,
/// and digits built from pen strokes in the styles real writers use, on paper-like pages with
/// one named distortion per kind. Sample `index` of a kind depends only on the seed, the kind
/// and the index, so a larger `--count` keeps the smaller set as its prefix.
public struct DevSetGenerator: Sendable {
    let digits: Dataset
    let seed: UInt64
    let photoScale: Float

    /// `digits` should be MNIST's test set: the models never trained on it. `photoScale`
    /// shrinks every photographed page and the digits on it (0.5 for small test fixtures);
    /// canvases stay 280×280.
    public init(testDigits digits: Dataset, seed: UInt64, photoScale: Float = 1) {
        self.digits = digits
        self.seed = seed
        self.photoScale = max(0.1, photoScale)
    }

    public func sample(_ kind: DevSetKind, index: Int) -> DevSetSample {
        let kindNumber = UInt64(DevSetKind.allCases.firstIndex(of: kind) ?? 0)
        var rng = SplitMix64(seed: seed &* 0x9E37_79B9 &+ kindNumber &* 1_000_003 &+ UInt64(index))
        _ = rng.next()
        var page = PageRecipe(kind: kind, digits: digits, scale: photoScale, rng: rng.split())
        let (image, value, quality) = page.render()
        let number = String(index)
        let name = "\(kind.rawValue)-\(String(repeating: "0", count: max(0, 3 - number.count)))\(number).\(quality == nil ? "png" : "jpg")"
        return DevSetSample(name: name, kind: kind, value: value, image: image, jpegQuality: quality)
    }
}

/// The drawing of one sample; the randomness of one sample lives here.
struct PageRecipe {
    let kind: DevSetKind
    let digits: Dataset
    /// Of photographed pages and their digits.
    let scale: Float
    var rng: SplitMix64

    init(kind: DevSetKind, digits: Dataset, scale: Float = 1, rng: SplitMix64) {
        self.kind = kind
        self.digits = digits
        self.scale = scale
        self.rng = rng
    }

    /// A size in pixels of a photographed page, scaled.
    mutating func pixels(_ range: ClosedRange<Int>) -> Int { max(4, Int(Float(integer(range)) * scale)) }

    mutating func uniform(_ low: Float, _ high: Float) -> Float { rng.uniform(low, high) }
    mutating func integer(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(rng.next() % UInt64(range.count)) }
    mutating func chance(_ p: Float) -> Bool { rng.nextUnitFloat() < p }

    /// A digit's ink, `height` pixels tall, with strokes `stroke` × height wide (MNIST's own is
    /// about 0.1): an MNIST test digit (three times in five) or a stroke-built one, trimmed to
    /// its ink so that layouts (gaps, how much of a neighbour the frame cuts) refer to the ink.
    mutating func glyph(_ digit: Int?, height: Int, stroke: Float) -> (ink: GrayImage, digit: Int) {
        let (ink, value) = untrimmedGlyph(digit, height: height, stroke: stroke)
        return (ink.trimmed(), value)
    }

    private mutating func untrimmedGlyph(_ digit: Int?, height: Int, stroke: Float) -> (ink: GrayImage, digit: Int) {
        if digit == nil, chance(0.6), digits.count > 0 {
            let index = integer(0...(digits.count - 1))
            // Thinner than MNIST: cut the smooth field higher; thicker: lower, then dilate.
            let level = max(0.15, min(0.85, 0.5 + (0.1 - stroke) * 4))
            var ink = GrayImage.mnistGlyph(digits.image(index), height: height, level: level)
            let extra = Int(((stroke - 0.13) * Float(height) / 2).rounded())
            if extra > 0 { ink = ink.padded(extra).grown(extra) }
            return (ink, Int(digits.labels[index]))
        }
        let value = digit ?? integer(0...9)
        let radius = max(0.6, stroke * Float(height) / 2)
        let pad = Int(radius.rounded(.up)) + 2
        var ink = GrayImage(width: height + 2 * pad, height: height + 2 * pad)
        ink.draw(StrokeGlyphs.strokes(for: value, rng: &rng), origin: (Float(pad), Float(pad)), size: Float(height), penRadius: radius)
        return (ink, value)
    }

    /// A landscape or portrait photo size, longest side in `longest`.
    mutating func photoSize(_ longest: ClosedRange<Int>) -> (Int, Int) {
        let long = pixels(longest), short = long * 3 / 4
        return chance(0.5) ? (long, short) : (short, long)
    }

    /// The page painter with the everyday look of a phone photo of white paper in a room.
    mutating func photoPainter() -> PagePainter {
        var painter = PagePainter()
        let white = uniform(0.86, 0.97)
        painter.paper = (white, white * uniform(0.97, 1), white * uniform(0.9, 0.99))
        let dark = uniform(0.05, 0.2)
        painter.ink = (dark, dark, dark * uniform(1, 1.3))
        painter.light = PagePainter.gradient(dimmest: uniform(0.8, 0.97), rng: &rng)
        painter.noise = uniform(0.004, 0.012)
        return painter
    }

    /// Pen width (stroke / height) of everyday pens: ballpoint to felt tip.
    mutating func penStroke() -> Float { uniform(0.04, 0.11) }

    mutating func render() -> (RasterImage, String, Int?) {
        switch kind {
        case .cleanCanvas: return canvas(dark: false)
        case .whiteOnBlack: return chance(0.5) ? canvas(dark: true) : singleOnPage()
        case .multi: return digitString()
        case .neighbours: return withNeighbours()
        case .desk: return onDesk()
        default: return singleOnPage()
        }
    }

    /// A 280×280 web-canvas drawing: a round pen, no noise, PNG.
    mutating func canvas(dark: Bool) -> (RasterImage, String, Int?) {
        let height = integer(130...230)
        let (ink, digit) = glyph(nil, height: height, stroke: uniform(0.04, 0.11))
        var layer = GrayImage(width: 280, height: 280)
        layer.stamp(ink, x: integer(0...max(0, 280 - ink.width)), y: integer(0...max(0, 280 - ink.height)))
        var painter = PagePainter()
        painter.paper = dark ? (0.07, 0.07, 0.09) : (1, 1, 1)
        painter.ink = dark ? (1, 1, 1) : (0, 0, 0)
        return (painter.paint(ink: layer, rng: &rng), String(digit), nil)
    }

    /// One digit on a photographed page, distorted as the kind says.
    mutating func singleOnPage() -> (RasterImage, String, Int?) {
        let tiny = kind == .tinyInLarge
        let (w, h) = photoSize(tiny ? 2000...2600 : 560...900)
        let short = min(w, h)
        let height = Int(Float(short) * (tiny ? uniform(0.03, 0.06) : uniform(0.3, 0.6)))
        var painter = photoPainter()
        var stroke = penStroke()
        var quality = integer(85...94)
        switch kind {
        case .pencil:
            stroke = uniform(0.02, 0.045)
            let grey = uniform(0.35, 0.6)
            painter.ink = (grey, grey, grey * 1.05)
            painter.grain = uniform(0.3, 0.6)
        case .marker:
            stroke = uniform(0.17, 0.26)
            painter.ink = [(0.05, 0.05, 0.05), (0.1, 0.35, 0.15), (0.7, 0.1, 0.1), (0.1, 0.1, 0.45)][integer(0...3)]
        case .blueInk:
            stroke = uniform(0.035, 0.07)
            painter.ink = (uniform(0.05, 0.2), uniform(0.1, 0.3), uniform(0.45, 0.75))
        case .lighting:
            painter.light = PagePainter.shadow(depth: uniform(0.4, 0.65),
                                               over: PagePainter.gradient(dimmest: uniform(0.35, 0.6), rng: &rng), rng: &rng)
        case .blur:
            painter.blurSigma = Float(height) * uniform(0.02, 0.045)
        case .jpeg:
            quality = integer(8...25)
        case .whiteOnBlack:
            let ground = uniform(0.06, 0.2)
            painter.paper = (ground, ground * uniform(1, 1.2), ground)
            let chalk = uniform(0.8, 0.97)
            painter.ink = (chalk, chalk, chalk)
        default: break
        }
        let (ink, digit) = glyph(nil, height: height, stroke: stroke)
        var layer = GrayImage(width: w, height: h)
        let x = integer(w / 10...max(w / 10, w - w / 10 - ink.width)), y = integer(h / 10...max(h / 10, h - h / 10 - ink.height))
        layer.stamp(ink, x: x, y: y)
        var lines: GrayImage?
        if kind == .ruled || kind == .squared {
            lines = paperLines(width: w, height: h, digitHeight: height, squared: kind == .squared, digitTop: y)
            painter.lineColour = chance(0.5) ? (0.55, 0.7, 0.9) : (0.62, 0.64, 0.66)
        }
        if kind == .perspective,
           let warp = PerspectiveWarp.photographed(width: w, height: h, degrees: Double(uniform(-25, 25)),
                                                   skew: Double(uniform(0.04, 0.12)), rng: &rng) {
            layer = warp.apply(layer)
        }
        return (painter.paint(ink: layer, lines: lines, rng: &rng), String(digit), quality)
    }

    /// A sheet with one digit lying on a desk: the page turned and tilted into a quadrilateral
    /// covering 30–90 % of the frame, or so close that the frame cuts it and the desk shows
    /// only along one or two sides; the table (dark wood, laminate, a black desk, a cutting
    /// mat) around it, sometimes a pen on it, sometimes a soft shadow across both.
    mutating func onDesk() -> (RasterImage, String, Int?) {
        let (w, h) = photoSize(560...900)
        let height = Int(Float(min(w, h)) * uniform(0.3, 0.55))
        let (ink, digit) = glyph(nil, height: height, stroke: penStroke())
        var layer = GrayImage(width: w, height: h)
        layer.stamp(ink, x: (w - ink.width) / 2 + integer(-w / 10...w / 10), y: (h - ink.height) / 2 + integer(-h / 10...h / 10))
        var sheet = GrayImage(width: w, height: h, repeating: 1)
        let cutByFrame = chance(0.3)
        let scale = cutByFrame ? uniform(0.95, 1.15) : uniform(0.3, 0.9).squareRoot()
        let shift = (Double(uniform(-0.12, 0.12)) * Double(w), Double(uniform(-0.12, 0.12)) * Double(h))
        if let warp = PerspectiveWarp.photographed(width: w, height: h, degrees: Double(uniform(-20, 20)), skew: Double(uniform(0, 0.06)),
                                                   scale: Double(scale), shift: shift, rng: &rng) {
            layer = warp.apply(layer)
            sheet = warp.apply(sheet)
        }
        if chance(0.4) { layer.addPen(besideSheet: sheet, rng: &rng) }
        var painter = photoPainter()
        let tables: [PagePainter.Colour] = [(0.32, 0.2, 0.11), (0.22, 0.14, 0.09), (0.55, 0.4, 0.25),
                                            (0.35, 0.35, 0.37), (0.07, 0.07, 0.08), (0.1, 0.25, 0.2)]
        let table = tables[integer(0...(tables.count - 1))], shade = uniform(0.7, 1.15)
        painter.desk = (table.r * shade, table.g * shade, table.b * shade)
        painter.deskGrain = PagePainter.woodGrain(strength: uniform(0, 0.15), rng: &rng)
        if chance(0.3) {  // the phone's or a hand's shadow across sheet and desk
            painter.light = PagePainter.shadow(depth: uniform(0.45, 0.7), over: painter.light, rng: &rng)
        }
        return (painter.paint(ink: layer, sheet: sheet, rng: &rng), String(digit), integer(85...94))
    }

    /// Ruled lines (spaced about a digit's height, the digit sitting on one, sometimes a red
    /// margin) or a squared grid (two to three squares per digit).
    mutating func paperLines(width w: Int, height h: Int, digitHeight: Int, squared: Bool, digitTop: Int) -> GrayImage {
        var lines = GrayImage(width: w, height: h)
        let thickness = integer(1...3), darkness = uniform(0.6, 1)
        let spacing = max(8, Int(Float(digitHeight) * (squared ? uniform(0.3, 0.55) : uniform(0.85, 1.3))))
        // Ruled: a line just under the digit, as if written on it.
        let phase = squared ? integer(0...(spacing - 1)) : (digitTop + digitHeight + integer(-digitHeight / 12...digitHeight / 8)) % spacing
        for y in 0..<h where (y - phase + spacing * 4) % spacing < thickness {
            for x in 0..<w { lines[x, y] = darkness }
        }
        if squared {
            for x in 0..<w where (x - phase + spacing * 4) % spacing < thickness {
                for y in 0..<h { lines[x, y] = darkness }
            }
        }
        return lines
    }

    /// The digit to read between two neighbours that the frame cuts: a crop from a line of
    /// writing. The label is the middle digit.
    mutating func withNeighbours() -> (RasterImage, String, Int?) {
        let height = pixels(120...220)
        let stroke = penStroke()
        let middle = glyph(nil, height: height, stroke: stroke)
        let left = glyph(nil, height: Int(Float(height) * uniform(0.85, 1.1)), stroke: stroke)
        let right = glyph(nil, height: Int(Float(height) * uniform(0.85, 1.1)), stroke: stroke)
        let gap = Int(Float(height) * uniform(0.12, 0.3))
        // Each neighbour shows 25–60 % of its width.
        let leftShown = Int(Float(left.ink.width) * uniform(0.25, 0.6)), rightShown = Int(Float(right.ink.width) * uniform(0.25, 0.6))
        let w = leftShown + gap + middle.ink.width + gap + rightShown
        let h = Int(Float(height) * uniform(1.3, 1.7))
        var layer = GrayImage(width: w, height: h)
        let top = (h - middle.ink.height) / 2
        layer.stamp(left.ink, x: leftShown - left.ink.width, y: top + integer(-height / 10...height / 10))
        layer.stamp(middle.ink, x: leftShown + gap, y: top)
        layer.stamp(right.ink, x: leftShown + gap + middle.ink.width + gap, y: top + integer(-height / 10...height / 10))
        let painter = photoPainter()
        return (painter.paint(ink: layer, rng: &rng), String(middle.digit), integer(85...94))
    }

    /// A postcode (5 digits), a phone number (10, in groups) or any 3–8 digits on one line.
    mutating func digitString() -> (RasterImage, String, Int?) {
        let style = integer(0...2)
        let count = style == 0 ? 5 : style == 1 ? 10 : integer(3...8)
        let height = pixels(70...140)
        let stroke = penStroke()
        var glyphs: [(ink: GrayImage, digit: Int)] = []
        for _ in 0..<count { glyphs.append(glyph(nil, height: Int(Float(height) * uniform(0.9, 1.08)), stroke: stroke)) }
        var gaps = (0..<count).map { _ in Int(Float(height) * uniform(0.08, 0.3)) }
        if style == 1 { gaps[2] += height / 2; gaps[5] += height / 2 }  // 012 345 6789
        let margin = height / 2
        let w = margin * 2 + glyphs.reduce(0) { $0 + $1.ink.width } + gaps.dropLast().reduce(0, +)
        let h = height * 2 + margin
        var layer = GrayImage(width: w, height: h)
        var x = margin
        for (k, glyph) in glyphs.enumerated() {
            layer.stamp(glyph.ink, x: x, y: (h - glyph.ink.height) / 2 + integer(-height / 12...height / 12))
            x += glyph.ink.width + gaps[k]
        }
        let painter = photoPainter()
        return (painter.paint(ink: layer, rng: &rng), glyphs.map { String($0.digit) }.joined(), integer(85...94))
    }
}

extension GrayImage {
    /// The bounding box of the visible ink, with one pixel to spare.
    func trimmed() -> GrayImage {
        var minX = width, minY = height, maxX = -1, maxY = -1
        for y in 0..<height {
            for x in 0..<width where self[x, y] > 0.02 {
                minX = Swift.min(minX, x); maxX = Swift.max(maxX, x); minY = Swift.min(minY, y); maxY = Swift.max(maxY, y)
            }
        }
        guard maxX >= 0 else { return self }
        return cropped(x: minX - 1, y: minY - 1, width: maxX - minX + 3, height: maxY - minY + 3)
    }

    /// The image with `margin` empty pixels on every side.
    func padded(_ margin: Int) -> GrayImage {
        var out = GrayImage(width: width + 2 * margin, height: height + 2 * margin)
        out.stamp(self, x: margin, y: margin)
        return out
    }
}

extension DevSetGenerator {
    /// A phone-photo-sized page (12 megapixels by default) with a line of seven digits about a
    /// twelfth of the page tall, under uneven light, with sensor noise: for timing the whole
    /// chain on what a camera sends.
    public func photo(width: Int = 4000, height: Int = 3000) -> (image: RasterImage, value: String) {
        var recipe = PageRecipe(kind: .multi, digits: digits, rng: SplitMix64(seed: seed &+ 0x5EED))
        let digitHeight = max(8, height / 12)
        var layer = GrayImage(width: width, height: height)
        var x = width / 8
        var value = ""
        for _ in 0..<7 {
            let glyph = recipe.glyph(nil, height: digitHeight, stroke: recipe.penStroke())
            layer.stamp(glyph.ink, x: x, y: height / 2 - digitHeight / 2)
            x += glyph.ink.width + digitHeight / 4
            value += String(glyph.digit)
        }
        let painter = recipe.photoPainter()
        return (painter.paint(ink: layer, rng: &recipe.rng), value)
    }
}
