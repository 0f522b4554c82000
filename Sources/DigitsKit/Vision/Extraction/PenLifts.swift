import Foundation

/// The gaps a pen lift leaves across a stroke of one digit, filled before it is shrunk to
/// MNIST's size. The grouping already reads the pieces as one digit (`LiftedStrokes`, stacked
/// pieces), but MNIST's digits are drawn without lifts: a 1 chopped in three was read as a 5, a
/// 7 cut across its stem as a 3, an 8 cut across a loop as a 2 (`scripts/bench/broken-strokes.py`).
///
/// Two pieces whose ink comes within `reach` stroke widths of each other, and which both run
/// along the way between their nearest pixels (within 40°: a stroke's two ends facing each
/// other), are joined there: the paper on a way from one to the other hardly longer than the
/// shortest is inked, as wide as the stroke. A stroke ending beside another's side (a 4's bar
/// short of its upright, a 5's bowl short of its stem, a 3's ends near its middle) is the
/// digit's shape, and pieces further apart (a 5's hat drawn well clear, a 4's open top) are
/// the digit as drawn: they stay apart.
enum PenLifts {
    /// The widest gap filled, in stroke widths: a lift seldom leaves more than a stroke and a half.
    static let reach: Float = 1.6
    /// How much longer than the shortest way across the gap a way through a filled pixel may be,
    /// in stroke widths: the filling widens a little at the gap's middle, as a knot.
    static let slack: Float = 0.25
    /// The least cosine between each piece's stroke and the gap: within 40°.
    static let alignment: Float = 0.77
    /// The least ratio of the variances along and across a piece's end: a stroke's last stroke
    /// width and a half is about twice as long as wide (variances 2.25 apart); a dot is round.
    static let elongation: Float = 1.5
    /// Digits in more pieces are left as they are: a dotted stroke's dots, which the model reads
    /// as they are drawn.
    static let mostPieces = 8

    /// Inks `crop` (the `box` of an image `imageWidth` wide whose `labels` label its components;
    /// `member[label]` for the digit's own) between pieces of the digit that come within `reach`
    /// of each other, at `level`.
    static func bridge(_ crop: inout GrayImage, labels: [Int32], member: [Bool], box: PixelBox, imageWidth: Int, level: Float) {
        var pieces: [Int32] = []
        for label in member.indices where member[label] && label > 0 { pieces.append(Int32(label)) }
        guard pieces.count > 1, pieces.count <= mostPieces else { return }
        // Distances to each piece's ink, in thirds of a pixel, over the box; and the stroke's
        // width, as the widest disc inside the piece (a chunk of stroke, however short, holds
        // one as wide as the stroke).
        let distances = pieces.map { label in
            ChamferDistances(box: box, imageWidth: imageWidth, outsideOnlyWithin: true) { labels[$0] != label }
        }
        let strokeWidths = pieces.map { label in
            2 * ChamferDistances(box: box, imageWidth: imageWidth) { labels[$0] == label }.maximum
        }
        for a in pieces.indices {
            for b in pieces.indices where b > a {
                let stroke = Float(min(strokeWidths[a], strokeWidths[b]))
                // The distance from piece b's ink to piece a's: a gap of g pixels is g + 1 pixels.
                var closest = Int32.max, nearB = (x: 0, y: 0)
                for y in 0..<box.height {
                    for x in 0..<box.width where labels[(box.y + y) * imageWidth + box.x + x] == pieces[b] {
                        let d = distances[a].values[distances[a].index(x: box.x + x, y: box.y + y)]
                        if d < closest { closest = d; nearB = (x, y) }
                    }
                }
                guard Float(closest) <= reach * stroke + Float(ChamferDistances.straightStep) else { continue }
                let radius = max(2, Int((Float(closest) / Float(ChamferDistances.straightStep)).rounded(.up)) + 1)
                guard let nearA = nearest(pieces[a], to: nearB, within: radius, labels: labels, box: box, imageWidth: imageWidth),
                      endsFace(pieces[a], at: nearA, pieces[b], at: nearB, stroke: stroke / Float(ChamferDistances.straightStep),
                               labels: labels, box: box, imageWidth: imageWidth) else { continue }
                // The paper on the short ways from one piece to the other: straight across the
                // gap between facing ends, and a little beside, as a stroke's round end has it;
                // only along the gap, not where the pieces come as close elsewhere (a 4's arm
                // near the piece cut off its upright).
                let within = closest + Int32((slack * stroke).rounded())
                let gap = Capsule(from: nearA, to: nearB, radius: (0.5 + slack) * stroke / Float(ChamferDistances.straightStep))
                let reach = gap.box(within: box.width, box.height)
                for y in reach.rows {
                    for x in reach.columns where gap.contains(x: x, y: y) {
                        let i = distances[a].index(x: box.x + x, y: box.y + y)
                        if distances[a].values[i] + distances[b].values[i] <= within {
                            crop[x, y] = max(crop[x, y], level)
                        }
                    }
                }
            }
        }
    }

    /// The pixel of piece `label` nearest `point` (box coordinates) within `radius`.
    private static func nearest(_ label: Int32, to point: (x: Int, y: Int), within radius: Int, labels: [Int32], box: PixelBox,
                                imageWidth: Int) -> (x: Int, y: Int)? {
        var best: (x: Int, y: Int)?, bestDistance = Int.max
        for y in max(0, point.y - radius)...min(box.height - 1, point.y + radius) {
            for x in max(0, point.x - radius)...min(box.width - 1, point.x + radius)
            where labels[(box.y + y) * imageWidth + box.x + x] == label {
                let d = (x - point.x) * (x - point.x) + (y - point.y) * (y - point.y)
                if d < bestDistance { bestDistance = d; best = (x, y) }
            }
        }
        return best
    }

    /// Whether both pieces run along the gap between `pointA` and `pointB`: a stroke cut across
    /// (its two ends face each other), not a stroke's end beside another's side (a 5's hook
    /// short of its stem, a 3's ends near its middle), which is the digit's shape.
    private static func endsFace(_ a: Int32, at pointA: (x: Int, y: Int), _ b: Int32, at pointB: (x: Int, y: Int), stroke: Float,
                                 labels: [Int32], box: PixelBox, imageWidth: Int) -> Bool {
        let gap = (x: Float(pointB.x - pointA.x), y: Float(pointB.y - pointA.y))
        let length = (gap.x * gap.x + gap.y * gap.y).squareRoot()
        return [(a, pointA), (b, pointB)].allSatisfy { label, point in
            guard let axis = localAxis(label, at: point, radius: Int((1.5 * stroke).rounded(.up)), labels: labels, box: box,
                                       imageWidth: imageWidth) else { return false }
            return abs(axis.x * gap.x + axis.y * gap.y) >= alignment * length
        }
    }

    /// The unit principal axis of piece `label`'s pixels within `radius` of `point` on each axis;
    /// nil where they are no stroke, as long along that axis as across it (a dot, a button).
    private static func localAxis(_ label: Int32, at point: (x: Int, y: Int), radius: Int, labels: [Int32], box: PixelBox,
                                  imageWidth: Int) -> (x: Float, y: Float)? {
        let columns = (box.x + max(0, point.x - radius))...(box.x + min(box.width - 1, point.x + radius))
        let rows = (box.y + max(0, point.y - radius))...(box.y + min(box.height - 1, point.y + radius))
        guard let moments = SecondMoments(labels: labels, width: imageWidth, columns: columns, rows: rows,
                                          isMember: { $0 == label }),
              moments.along >= Double(elongation) * moments.across else { return nil }
        return (Float(cos(moments.axisAngle)), Float(sin(moments.axisAngle)))
    }
}

/// The points within `radius` of a segment: the strip a stroke across a gap would ink.
private struct Capsule {
    let from: (x: Int, y: Int), to: (x: Int, y: Int), radius: Float

    /// The rows and columns of its box, within an image `width` × `height`.
    func box(within width: Int, _ height: Int) -> (rows: ClosedRange<Int>, columns: ClosedRange<Int>) {
        let reach = Int(radius.rounded(.up))
        return (max(0, min(from.y, to.y) - reach)...min(height - 1, max(from.y, to.y) + reach),
                max(0, min(from.x, to.x) - reach)...min(width - 1, max(from.x, to.x) + reach))
    }

    func contains(x: Int, y: Int) -> Bool {
        let (dx, dy) = (Float(to.x - from.x), Float(to.y - from.y))
        let (px, py) = (Float(x - from.x), Float(y - from.y))
        let length = dx * dx + dy * dy
        let t = length > 0 ? min(1, max(0, (px * dx + py * dy) / length)) : 0
        let (ex, ey) = (px - t * dx, py - t * dy)
        return ex * ex + ey * ey <= radius * radius
    }
}
