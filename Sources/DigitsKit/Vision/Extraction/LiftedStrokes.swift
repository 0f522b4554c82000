/// A digit whose strokes failed to meet: a 4 whose upright stops short of its bar, a 1 or a 6
/// the pen left for an instant mid-stroke, a 5 whose hat landed beside its body. Each piece is
/// its own component, and the boxes of a slanted digit's pieces sit diagonally apart, so neither
/// the stacking test nor `withCloseParts`' few percent of the digit's height joined them, and a
/// picture of one digit was read as its heaviest piece (`scripts/bench/broken-strokes.py`). In a
/// picture of one digit, a piece of about the same pen whose ink comes within `liftReach` pen
/// widths of the digit's ink is part of it (repeatedly), unless the pieces together grow wider
/// than a digit or the piece stands beside the digit as tall as a digit: a pen lift leaves a gap
/// of about a stroke, while a neighbouring digit stands beside, and one cut by the frame never joins.
extension DigitGroup {
    /// How far a lifted piece's ink may lie from the digit's, in pen widths.
    static let liftReach: Float = 2
    /// The widest the joined digit may be, times its height.
    static let liftedAspect: Float = 1.25

    /// The digit with the pieces its pen lifted off, or the digit as it is; `labels` label a
    /// `width` × `height` picture.
    static func withLiftedStrokes(_ digit: DigitGroup, among groups: [DigitGroup], labels: [Int32],
                                  width: Int, height: Int) -> DigitGroup {
        var rest = groups.filter { g in !g.touchesBorder && !g.members.contains(where: digit.members.contains) }
        guard !rest.isEmpty else { return digit }
        var digit = digit
        let pen = Pen(of: digit, labels: labels, width: width)
        let reach = Int((liftReach * pen.width).rounded(.up))
        rest.removeAll { g in
            let own = Pen(of: g, labels: labels, width: width).widest
            return own > 2 * pen.widest || 2 * own < pen.widest
        }
        var grew = true
        while grew, !rest.isEmpty {
            grew = false
            let members = Set(digit.members.map { Int32($0 + 1) })
            let area = digit.box.grown(by: reach + 1, limitWidth: width, limitHeight: height)
            // Distances to the digit's ink, in thirds of a pixel, over its box and the reach around it.
            let distances = ChamferDistances(box: area, imageWidth: width, outsideOnlyWithin: true) { !members.contains(labels[$0]) }
            let limit = Int32(reach) * ChamferDistances.straightStep
            if let k = rest.firstIndex(where: { g in
                let joinedWidth = max(digit.maxX, g.maxX) - min(digit.minX, g.minX) + 1
                let joinedHeight = max(digit.maxY, g.maxY) - min(digit.minY, g.minY) + 1
                guard Float(joinedWidth) <= liftedAspect * Float(joinedHeight), !g.standsBeside(digit) else { return false }
                let (x0, x1) = (max(g.minX, area.x), min(g.maxX + 1, area.maxX))
                let (y0, y1) = (max(g.minY, area.y), min(g.maxY + 1, area.maxY))
                guard x0 < x1, y0 < y1 else { return false }
                let pieceLabels = Set(g.members.map { Int32($0 + 1) })
                for y in y0..<y1 {
                    for x in x0..<x1
                    where pieceLabels.contains(labels[y * width + x]) && distances.values[distances.index(x: x, y: y)] <= limit {
                        return true
                    }
                }
                return false
            }) {
                digit.absorb(rest.remove(at: k))
                grew = true
            }
        }
        return digit
    }

    /// Whether this piece looks like a digit of its own on the same line as `digit`: in columns
    /// of its own, beside it on most of their rows, and nearly as tall. (A 4's bar and arm
    /// lifted off its upright stand beside it too, but reach little more than half its height.)
    func standsBeside(_ digit: DigitGroup) -> Bool {
        let sharedRows = min(maxY, digit.maxY) - max(minY, digit.minY) + 1
        return (maxX < digit.minX || minX > digit.maxX) && 2 * sharedRows >= min(height, digit.height)
            && 4 * height >= 3 * digit.height
    }
}

/// The pen a group of components was drawn with, from the depths of its pixels inside its ink.
private struct Pen {
    /// The strokes' width in pixels, from the mean depth: a stroke w pixels wide has pixels 1,
    /// 2, … w/2 deep from either side, (w + 2) / 4 on average.
    let width: Float
    /// The widest disc inside the ink, in thirds of a pixel: a blot's or a thumb's is far wider
    /// than a stroke's, however it compares on average.
    let widest: Int32

    init(of group: DigitGroup, labels: [Int32], width imageWidth: Int) {
        let members = Set(group.members.map { Int32($0 + 1) })
        let depths = ChamferDistances(box: group.box, imageWidth: imageWidth) { members.contains(labels[$0]) }
        var (sum, count) = (Int64(0), 0)
        for value in depths.values where value > 0 {
            sum += Int64(value)
            count += 1
        }
        let meanDepth = count > 0 ? Float(sum) / Float(count) / Float(ChamferDistances.straightStep) : 0
        width = max(1, 4 * meanDepth - 2)
        widest = depths.maximum
    }
}

private extension PixelBox {
    /// The box grown by `margin` on every side, clipped to a `limitWidth × limitHeight` image.
    func grown(by margin: Int, limitWidth: Int, limitHeight: Int) -> PixelBox {
        let (x0, y0) = (max(0, x - margin), max(0, y - margin))
        let (x1, y1) = (min(limitWidth, maxX + margin), min(limitHeight, maxY + margin))
        return PixelBox(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }
}
