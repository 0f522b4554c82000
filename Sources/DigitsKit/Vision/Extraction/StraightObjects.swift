import Foundation

/// The pen or pencil that wrote the digit, lying on the page beside it. Thresholded it is a
/// straight bar, a 1 to the classifier, longer and heavier than the digit, so a picture of one
/// digit was read as "1", or as the digit stacked with it (`scripts/bench/pen-photos.py`: 35-56 %
/// of pens and pencils read right). What gives it away is its body: straight, and several times
/// wider than the line it draws (a ballpoint is 10 mm across and draws 1 mm; a pencil is 7 mm
/// and draws under 1 mm). So ink longer than the digit and clear of it, filling a straight band,
/// is an object when its strokes are `widthOverStroke` times as wide as the digit's, or when the
/// band is that wide and the ink reaches across it along all its length: a marker's barrel
/// measures under 2.5 times a bold digit's strokes (its tip and cap make the measure thin) but
/// spans a band that wide. The strokes of a digit are one pen's, however straight: a 4's stem
/// beside its arm, a slanted 1, the bars of a seven-segment digit; a stroke bent enough for its
/// band to be that wide crosses it only here and there. A white or clear body shows only its
/// shaded sides and its cap: it fills little of its band, as a chain of dots drawn by a paint
/// program's dotted brush does (`hairline-digits.py`), but leaves paper between its sides. Where
/// the lit side is too faint to keep, a white pen shows one thin line with its black cap at one
/// end, the cap as wide as a tool.
enum StraightObjects {
    /// A tool's band is at least this many times longer than wide: a ballpoint is 14, a pencil
    /// 22, a marker 7.
    static let elongation: Float = 5
    /// A white or clear body's band measures shorter against its width than a solid one's: 4.6-4.9
    /// for white markers lying whole, drawn 7 times longer than wide, and 2.7-2.9 for white stubs
    /// the frame cuts (`pen-photos.py` seeds 1-3). Its elongation needs only this share of a
    /// solid body's.
    static let hollowElongationShare: Float = 0.9
    /// How much wider than the digit's strokes a tool's body is at least.
    static let widthOverStroke: Float = 2.5
    /// How much wider than the digit's strokes the band of a tool the frame cuts (or of one with
    /// straight sides: `straightSidedFill`) is at least: a marker's barrel measures 2.0-2.5 times
    /// a bold digit's strokes (`pen-photos.py` seeds 1-3).
    /// A straight mark the frame cuts, clear of the digit, is no part of a digit lying whole in
    /// the frame (a neighbour's piece, rejected so, is no digit to read either); the width guards
    /// the straight strokes of a digit the frame cuts, one pen's as the digit's.
    static let cutWidthOverStroke: Float = 2
    /// How much of its band's width a tool's body fills at least: a straight bar fills it (a
    /// shadow or a highlight along one side takes a little); a bent stroke, far less.
    static let bandFill: Float = 0.4
    /// How much of its band a solid body with straight parallel sides fills at least, the band
    /// then needing only `cutWidthOverStroke` of the digit's strokes, as a cut tool's does: a
    /// marker's barrel beside a bold digit measured 2.1-2.4 times its strokes and filled 0.90-0.96
    /// of its band (`pen-photos.py` seeds 3 and 14, `marker` 002, 004, 019). A digit's straight
    /// strokes as wide against another mark waver: 0.60-0.77 (a broken pen's 7 stem beside its
    /// arm, a 1 beside a thumb, a staple beside a 1, a 3's stroke beside a pen's).
    static let straightSidedFill: Float = 0.85
    /// Along how much of its band's length a tool reaches across it: the whole body, solid or
    /// hollow, spans it, all but its tip.
    static let spannedLength: Float = 0.9
    /// Along how much of its band's length a white or clear body leaves paper between its
    /// shaded sides at least: its barrel, beside its cap and tip (a marker's barrel is 2/3 of
    /// its length). A solid bar or a chain of dots leaves none.
    static let hollowLength: Float = 0.25
    /// How much longer than the digit a tool lying whole in the picture is at least, and at
    /// most: a pen is 2-4 times a written digit's height. The frame bounds what shows of a tool
    /// it cuts, not the digit: a pencil cut by the frame beside a small digit showed 5.2 times
    /// its height (`pen-photos.py` seeds 2 and 12).
    static let lengthOverDigit: ClosedRange<Float> = 1.5...5
    /// How far from the digit, as a share of its size, a tool lies at least: a stroke the pen
    /// lifted off for an instant comes within `DigitGroup.closePartReach` percent of it.
    static let clearanceShare = Float(DigitGroup.closePartReach) / 100
    /// Along how much of its band's length a white pen's black cap runs, when only the shaded
    /// side joined to it shows the body (the other too faint to keep): a pen's cap is about a
    /// third of it. The cap is as wide as a tool (`widthOverStroke`), the side a thin line.
    static let capLength: ClosedRange<Float> = 0.1...0.5
    /// How parallel (the cosine of the angle between their axes) the two sides of a body that
    /// threshold apart lie at least: within 8 degrees.
    static let parallelCosine: Float = 0.99

    /// Marks as `.straightObject` the kept components that are writing tools lying beside the
    /// largest other kept mark, the digit. A tool the frame cuts may show a stub shorter than the
    /// digit: it needs only to span a band `DigitGroup.barElongation` times longer than wide. In
    /// a picture of one digit (`oneDigit`) a mark in a row of marks (`DigitGroup.rowLength` or
    /// more on a line: a screen's buttons, a form's print) is no digit for a tool to lie beside:
    /// a 1 drawn in a phone's drawing app is a wide straight stroke beside thin buttons. Two
    /// parallel straight lines are also weighed together, as one body's two sides.
    static func reject(_ verdicts: inout [Rejection?], labelling: ComponentLabels, width: Int, oneDigit: Bool) {
        let components = labelling.components
        let kept = components.indices.filter { verdicts[$0] == nil }
        // A digit beside a tool four times longer than it measures small next to the tool, the
        // largest ink, and was taken for a speck (a thin 1 beside a pencil the frame cuts): such
        // marks are weighed as the digit too, and weighed again as specks once the tools are gone.
        let imageHeight = labelling.labels.count / width
        let specks = components.indices.filter { index in
            verdicts[index] == .speck && !components[index].touchesBorder
                && !ComponentFilter.isTiny(components[index], width: width, height: imageHeight)
        }
        guard !kept.isEmpty, kept.count + specks.count > 1 else { return }
        var marks = kept.filter { !components[$0].touchesBorder }
        if oneDigit {
            let rows = DigitGroup.rowsAndRest(of: DigitGroup.readingOrder(marks.map { DigitGroup(components[$0], index: $0) })).rows
            let inRows = Set(rows.joined().flatMap(\.members))
            marks.removeAll(where: inRows.contains)
        }
        marks += specks
        defer {
            if kept.contains(where: { verdicts[$0] == .straightObject }) {
                for index in components.indices where verdicts[index] == .speck { verdicts[index] = nil }
                ComponentFilter.rejectSpecks(&verdicts, components: components, width: width, height: imageHeight)
            }
        }
        marks.sort { size(of: components[$0]) > size(of: components[$1]) }
        var digitStroke: [Int: Float] = [:]
        // A flat bar is no digit for a tool to lie beside: a 1 over its underline, thicker than
        // the line, is no pen lying beside a dash.
        var isFlatBar: [Int: Bool] = [:]
        func isDigit(_ index: Int) -> Bool {
            if let known = isFlatBar[index] { return !known }
            let flat = DigitGroup(components[index], index: index).isFlatBar(labels: labelling.labels, width: width)
            isFlatBar[index] = flat
            return !flat
        }
        /// The band of components `members` when they are a tool.
        func toolBand(_ members: [Int]) -> Band? {
            guard let digit = marks.first(where: { !members.contains($0) && isDigit($0) }) else { return nil }
            let isCut = members.contains { components[$0].touchesBorder }
            let digitSize = Float(size(of: components[digit]))
            let leastElongation = isCut ? DigitGroup.barElongation : elongation
            guard let band = Band(members: members, labelling: labelling, width: width),
                  band.length >= hollowElongationShare * leastElongation * band.width,
                  isCut || lengthOverDigit.contains(band.length / digitSize) else { return nil }
            let body = strokeWidth(of: members, labelling: labelling, width: width)
            let stroke = digitStroke[digit] ?? strokeWidth(of: [digit], labelling: labelling, width: width)
            digitStroke[digit] = stroke
            // Only a hollow body may measure shorter than a tool's length.
            let isSolidBar = band.length >= leastElongation * band.width && body >= bandFill * band.width
            var isTool = isSolidBar && body >= widthOverStroke * stroke
            // A straight-sided body is a tool at a cut tool's width: no pen draws a stroke so even.
            // (Its area is summed only where that decides.)
            let isStraightSided = !isTool && isSolidBar
                && Float(members.reduce(0) { $0 + components[$1].area }) >= straightSidedFill * band.length * band.width
            if !isTool, band.width >= (isCut || isStraightSided ? cutWidthOverStroke : widthOverStroke) * stroke {
                let slices = band.slices(of: members, labelling: labelling, width: width, inFrameOnly: isCut)
                isTool = slices.spannedShare >= spannedLength && (isSolidBar || slices.hollowShare >= hollowLength)
                    || capLength.contains(slices.capShare) && slices.capWidth >= widthOverStroke * stroke
            }
            return isTool && clearance(of: digit, from: band, labelling: labelling, width: width) > clearanceShare * digitSize
                ? band : nil
        }
        for index in kept where toolBand([index]) != nil { verdicts[index] = .straightObject }
        // A white or clear body whose shaded sides threshold apart is two straight lines, each
        // as thin as the digit's strokes (the cap joined to one of them, the lit one perhaps too
        // faint to keep, or the capped one already weighed): together they span the body's band
        // along all its length, as one component's two sides do; a digit's stroke beside a
        // longer line spans it only in part.
        guard let largest = marks.first.map({ size(of: components[$0]) }) else { return }
        let sides = components.indices.filter { index in
            [nil, .faint, .shadowEdge, .straightObject].contains(verdicts[index]) && 4 * size(of: components[index]) >= largest
        }.compactMap { index in
            Band(members: [index], labelling: labelling, width: width).map { (index: index, band: $0) }
        }.filter { $0.band.length >= hollowElongationShare * DigitGroup.barElongation * $0.band.width }
        for (first, a) in sides.enumerated() {
            for b in sides[(first + 1)...]
            where abs(a.band.directionX * b.band.directionX + a.band.directionY * b.band.directionY) >= parallelCosine
                && (verdicts[a.index] == nil || verdicts[b.index] == nil) && toolBand([a.index, b.index]) != nil {
                for index in [a.index, b.index] where verdicts[index] == nil { verdicts[index] = .straightObject }
            }
        }
    }

    private static func size(of component: Component) -> Int { max(component.width, component.height) }

    /// 2 × area / boundary length of components `members`: the width of their strokes, whatever
    /// their length (`MNISTNormalizer.strokeWidth` measures a crop the same way).
    private static func strokeWidth(of members: [Int], labelling: ComponentLabels, width: Int) -> Float {
        var area = 0, edges = 0
        for index in members {
            let c = labelling.components[index], label = Int32(index + 1)
            labelling.labels.withUnsafeBufferPointer { labels in
                func isOutside(_ x: Int, _ y: Int) -> Bool {
                    x < c.minX || x > c.maxX || y < c.minY || y > c.maxY || labels[y * width + x] != label
                }
                for y in c.minY...c.maxY {
                    for x in c.minX...c.maxX where labels[y * width + x] == label {
                        area += 1
                        edges += (isOutside(x - 1, y) ? 1 : 0) + (isOutside(x + 1, y) ? 1 : 0)
                            + (isOutside(x, y - 1) ? 1 : 0) + (isOutside(x, y + 1) ? 1 : 0)
                    }
                }
            }
        }
        return edges == 0 ? 0 : 2 * Float(area) / Float(edges)
    }

    /// The least clearance of component `index`'s pixels from `band`.
    private static func clearance(of index: Int, from band: Band, labelling: ComponentLabels, width: Int) -> Float {
        var least = Float.infinity
        labelling.forEachPixel(of: index, width: width) { x, y in
            least = min(least, band.clearance(x: Float(x), y: Float(y)))
        }
        return least
    }
}

/// The narrowest band along the principal axis (`SecondMoments`) of one or more components that
/// holds all their pixels.
struct Band {
    let length: Float, width: Float
    /// The middle of its axis, and the axis's direction (a unit vector).
    let centreX: Float, centreY: Float
    let directionX: Float, directionY: Float

    init?(members: [Int], labelling: ComponentLabels, width imageWidth: Int) {
        let boxes = members.map { labelling.components[$0] }, labels = Set(members.map { Int32($0 + 1) })
        guard let moments = SecondMoments(labels: labelling.labels, width: imageWidth,
                                          columns: boxes.map(\.minX).min()!...boxes.map(\.maxX).max()!,
                                          rows: boxes.map(\.minY).min()!...boxes.map(\.maxY).max()!,
                                          isMember: labels.contains) else { return nil }
        let (cx, cy) = (Float(moments.centreX), Float(moments.centreY))
        let (dx, dy) = (Float(cos(moments.axisAngle)), Float(sin(moments.axisAngle)))
        var (lowest, highest, widest) = (Float.infinity, -Float.infinity, Float(0))
        for index in members {
            labelling.forEachPixel(of: index, width: imageWidth) { x, y in
                let (u, v) = (Float(x) - cx, Float(y) - cy)
                let along = u * dx + v * dy
                lowest = min(lowest, along); highest = max(highest, along)
                widest = max(widest, abs(v * dx - u * dy))
            }
        }
        // A pixel is a unit square: the band reaches half a pixel past the outermost centres.
        (length, width) = (highest - lowest + 1, 2 * widest + 1)
        let middle = (lowest + highest) / 2
        (centreX, centreY) = (cx + middle * dx, cy + middle * dy)
        (directionX, directionY) = (dx, dy)
    }

    /// Components `members`' ink across the band, slice by slice, each slice as long as the band
    /// is wide, projected onto the band's width (the band follows their axis, whatever its
    /// direction). `inFrameOnly` weighs a slice against the part of the band inside the picture,
    /// and one with under half of `spannedWidth` of the band inside never spans it.
    func slices(of members: [Int], labelling: ComponentLabels, width imageWidth: Int, inFrameOnly: Bool = false) -> BandSlices {
        let count = max(1, Int(length / width)), bins = Int(width) + 2
        var nearest = [Float](repeating: .infinity, count: count), farthest = [Float](repeating: -.infinity, count: count)
        var covered = [Bool](repeating: false, count: count * bins)
        var areas = [Int](repeating: 0, count: count)
        for index in members {
            labelling.forEachPixel(of: index, width: imageWidth) { x, y in
                let (u, v) = (Float(x) - centreX, Float(y) - centreY)
                let along = u * directionX + v * directionY, across = v * directionX - u * directionY
                let slice = min(count - 1, max(0, Int((along / length + 0.5) * Float(count))))
                nearest[slice] = min(nearest[slice], across); farthest[slice] = max(farthest[slice], across)
                areas[slice] += 1
                covered[slice * bins + min(bins - 1, max(0, Int((across + width / 2).rounded())))] = true
            }
        }
        let leastGap = max(2, Int(Band.hollowGap * width))
        var spanned = 0, hollow = 0
        // With `inFrameOnly`, a slice spans the part of the band inside the frame: a white
        // marker running out of the frame along one side shows only what is in it.
        let imageHeight = labelling.labels.count / imageWidth
        let reach = (0..<count).map { slice -> Float in
            guard inFrameOnly else { return width }
            let along = (Float(slice) + 0.5) / Float(count) * length - length / 2
            return Float(stride(from: -width / 2 + 0.5, to: width / 2, by: 1).filter { across in
                let x = centreX + along * directionX - across * directionY, y = centreY + along * directionY + across * directionX
                return x >= 0 && y >= 0 && x < Float(imageWidth) && y < Float(imageHeight)
            }.count)
        }
        for slice in 0..<count where reach[slice] >= Band.spannedWidth * width / 2
            && farthest[slice] - nearest[slice] + 1 >= Band.spannedWidth * reach[slice] {
            spanned += 1
            // Only a gap that covered bins close on both sides lies between the sides.
            var gap = 0, widestGap = 0
            for isCovered in covered[(slice * bins)..<((slice + 1) * bins)].drop(while: { !$0 }) {
                if isCovered { widestGap = max(widestGap, gap); gap = 0 } else { gap += 1 }
            }
            if widestGap >= leastGap { hollow += 1 }
        }
        // A cap: the slices at one end holding more ink than the median slice, the line that
        // runs along all the rest.
        let line = Float(areas.sorted()[count / 2])
        let isThick = areas.map { Float($0) > Band.capThickness * line }
        let leading = isThick.prefix(while: { $0 }).count, trailing = isThick.reversed().prefix(while: { $0 }).count
        let cap = leading >= trailing ? areas.prefix(leading) : areas.suffix(trailing)
        let rest = leading >= trailing ? areas.dropFirst(leading) : areas.dropLast(trailing)
        let isCapped = !cap.isEmpty && rest.allSatisfy { $0 > 0 && Float($0) <= Band.capThickness * line }
        return BandSlices(spannedShare: Float(spanned) / Float(count), hollowShare: Float(hollow) / Float(count),
                          capShare: isCapped ? Float(cap.count) / Float(count) : 0,
                          capWidth: isCapped ? Float(cap.reduce(0, +)) / Float(cap.count) / (length / Float(count)) : 0)
    }

    /// How much of a band's width a slice of ink reaches across to span it.
    static let spannedWidth: Float = 0.7
    /// How wide a gap, as a share of the band's width, a hollow slice leaves between its sides
    /// at least (and 2 pixels): the bins of a solid slice's projection are all covered.
    static let hollowGap: Float = 0.1
    /// How many times the median slice's ink a slice of a cap holds more than, and a slice of the
    /// line along the rest at most.
    static let capThickness: Float = 1.5

    /// How far the point (x, y) lies outside the band: its distance from the axis segment less
    /// half the band's width (negative inside).
    func clearance(x: Float, y: Float) -> Float {
        let (u, v) = (x - centreX, y - centreY)
        let halfLength = (length - width) / 2
        let along = max(-halfLength, min(halfLength, u * directionX + v * directionY))
        let (offX, offY) = (u - along * directionX, v - along * directionY)
        return (offX * offX + offY * offY).squareRoot() - width / 2
    }
}

/// How a component lies across its band (`Band.slices`).
struct BandSlices {
    /// The share of the band's length along which the ink reaches across most of its width:
    /// nearly all of it for a bar, solid or hollow (a white body's two shaded sides), or a chain
    /// of dots; a bent stroke touches the band's sides only here and there.
    let spannedShare: Float
    /// The share along which it spans the band and leaves paper between its sides: a white or
    /// clear body's barrel; none of a solid bar or a chain of dots.
    let hollowShare: Float
    /// The share at one end along which the ink is thicker than along the rest, where it draws
    /// one line all along: a white pen's black cap, with the shaded side joined to it; zero for
    /// any other shape.
    let capShare: Float
    /// That end's mean width (its ink per unit of the band's length).
    let capWidth: Float
}
