/// An underline drawn against the digit's foot (some writers underline a 6 or a 9 to show which
/// way up it stands; a form's answer is underlined) is one component with the digit, which
/// `WritersMarks` cannot take apart: read with it, an underlined 7 was a 2, an underlined 0 a 2
/// and an underlined 1 a 6.
///
/// Such a line is the component's bottom edge: straight from end to end, closer to the
/// horizontal than `steepestSlope`, and at either end nothing but the line. Above a band as thick
/// as the line is there stands the digit, and the line reaches past the digit's box on both sides
/// by at least `overhang` of the height, and on the left past where the digit stands on it by
/// `footClearance`: the base of a 2 starts where its diagonal comes down, at its left end (a 0
/// or an 8 standing there by a tall loop is no 2: `loopStands`). On the right the line may stop
/// just past the digit's foot (a 4's or a 7's stem), as a quick underline does. The line is
/// erased except where the digit stands on it (with a line's thickness on either side, where the
/// two strokes flare into one): under a loop that stands on it on both sides, a 0 or the bowl of
/// a 6, it stays, as the loop's own foot, while between digits underlined together it goes.
enum TouchingUnderlines {
    /// How far the line reaches past the digit's box on each side, at least, as a share of the
    /// component's height (and 2 px).
    static let overhang: Float = 0.03
    /// How far the line reaches left of the leftmost place where the digit stands on it, at
    /// least, as a share of the component's height: a 2's base runs on to the right from where
    /// the diagonal comes down, and some writers start it a little before (up to an eighth of
    /// the 2's height, in the development sets), while an underline is drawn from well before
    /// the digit. No digit's own flat base runs left from its foot, so the right end is free: a
    /// quick underline stopped a tenth of the height past a 4's or a 7's stem.
    static let footClearance: Float = 0.15
    /// The steepest line, as its rise over its run: a quick underline is seldom level.
    static let steepestSlope: Float = 0.12
    /// The share of the columns whose lowest ink lies on the line, at least: a digit's foot may
    /// reach through it.
    static let straightShare: Float = 0.85
    /// The thickest line, as a share of the component's height: a digit's flat base (a 2's, as
    /// thick as its strokes) is no underline unless the digit is several strokes tall.
    static let thickestShare: Float = 0.25
    /// Smaller marks are left alone: too few rows to tell a line from a stroke.
    static let smallestSide = 12

    /// Erases from `mask` (paper 0) the underlines drawn against the `kept` components of
    /// `labelling`. Whether it erased any: the mask must then be labelled again.
    static func cut(from mask: inout [UInt8], labelling: ComponentLabels, kept: [Int], width: Int) -> Bool {
        labelling.erase(from: &mask, kept: kept) { index in
            guard let lines = lineColumns(of: index, labelling: labelling, width: width) else { return nil }
            let bottom = labelling.components[index].maxY, label = Int32(index + 1)
            return lines.flatMap { x, top in
                (top...bottom).map { $0 * width + x }.filter { labelling.labels[$0] == label }
            }
        }
    }

    /// For each column where component `index` holds only an underline drawn against a digit,
    /// the first row of the line; nil when its bottom is no such line.
    private static func lineColumns(of index: Int, labelling: ComponentLabels, width: Int) -> [(x: Int, top: Int)]? {
        let c = labelling.components[index], label = Int32(index + 1)
        guard c.width >= smallestSide, c.height >= smallestSide else { return nil }
        return labelling.labels.withUnsafeBufferPointer { l -> [(x: Int, top: Int)]? in
            func isInk(_ x: Int, _ y: Int) -> Bool { l[y * width + x] == label }
            // A component's columns all hold some of its ink.
            let bottom = (c.minX...c.maxX).map { x in (c.minY...c.maxY).last { isInk(x, $0) } ?? c.maxY }
            let top = (c.minX...c.maxX).map { x in (c.minY...c.maxY).first { isInk(x, $0) } ?? c.minY }
            // How far the ink runs up from a column's lowest pixel.
            func run(_ column: Int) -> Int {
                var y = bottom[column]
                while y >= c.minY && isInk(c.minX + column, y) { y -= 1 }
                return bottom[column] - y
            }
            // At either end, the line alone: one run per column, all about as thick. The outermost
            // columns may hold a sliver of it (blurred, the line's end thresholds to its middle; a
            // pen's tip lands and lifts thinner): the ends are taken inside the columns thinner
            // than half the line, over at most the line's thickness at either end.
            let endWidth = max(2, c.width / 20)
            let extremes = Array(0..<endWidth) + Array((c.width - endWidth)..<c.width)
            let thickness = extremes.map(run).sorted()[extremes.count / 2]
            func slivers(_ columns: some Sequence<Int>) -> Int {
                columns.prefix(thickness).prefix { 2 * run($0) < thickness }.count
            }
            let leading = slivers(0..<c.width), trailing = slivers((0..<c.width).reversed())
            guard c.width - leading - trailing >= 2 * endWidth else { return nil }
            let ends = Array(leading..<(leading + endWidth)) + Array((c.width - trailing - endWidth)..<(c.width - trailing))
            let runs = ends.map(run).sorted()
            guard ends.allSatisfy({ top[$0] == bottom[$0] - run($0) + 1 }),
                  runs.last! <= 2 * thickness + 1,
                  Float(thickness) <= thickestShare * Float(c.height),
                  let line = StraightEdge(bottom, tolerance: max(1.5, Float(thickness) / 3)),
                  abs(line.slope) <= steepestSlope,
                  line.holds(ends) && Float(line.inliers) >= straightShare * Float(c.width) else { return nil }

            // The band the line fills, with half its thickness to spare; the digit is above it.
            let depth = Float(3 * thickness) / 2 + 1
            let bandTop = (0..<c.width).map { Int((line.row(at: $0) - depth).rounded()) }
            var inkAbove = [Bool](repeating: false, count: c.width)
            var standsOnLine = [Bool](repeating: false, count: c.width)
            var digitTop = c.maxY, digitLeft = Int.max, digitRight = Int.min
            for column in 0..<c.width where top[column] < bandTop[column] {
                inkAbove[column] = true
                digitTop = min(digitTop, top[column])
                digitLeft = min(digitLeft, column); digitRight = max(digitRight, column)
                standsOnLine[column] = (max(c.minY, bandTop[column] - 2)..<bandTop[column]).contains { isInk(c.minX + column, $0) }
            }
            let reach = max(2, Int((overhang * Float(c.height)).rounded(.up)))
            guard digitLeft >= reach, c.width - 1 - digitRight >= reach,
                  Float(bandTop[c.width / 2] - digitTop) >= Float(thickness) / thickestShare,
                  let firstFoot = standsOnLine.firstIndex(of: true), let lastFoot = standsOnLine.lastIndex(of: true)
            else { return nil }
            // A foot may reach through an underline by a little; a 4's stem runs on well below
            // its bar, and its closed top is a loop standing on that bar.
            let reachesBelow = (0..<c.width).contains { Float(bottom[$0]) > line.row(at: $0) + Float(2 * thickness) }
            let digitHeight = bandTop[firstFoot] - digitTop
            guard Float(firstFoot) >= footClearance * Float(c.height)
                    || !reachesBelow && loopStands(at: firstFoot, digitHeight: digitHeight, bandTop: bandTop[firstFoot], of: c, isInk: isInk)
            else { return nil }

            // Where the digit stands on the line, and between two such places under one digit.
            var keep = [Bool](repeating: false, count: c.width)
            var previousFoot = firstFoot
            for column in firstFoot...lastFoot where standsOnLine[column] {
                if (previousFoot..<column).allSatisfy({ inkAbove[$0] }) {
                    for between in previousFoot...column { keep[between] = true }
                }
                keep[column] = true
                previousFoot = column
            }
            let kept = (0..<c.width).filter { keep[$0] }
            var spared = keep
            for column in kept {
                for near in max(0, column - thickness)...min(c.width - 1, column + thickness) { spared[near] = true }
            }
            return (0..<c.width).filter { !spared[$0] }.map { (x: c.minX + $0, top: max(c.minY, bandTop[$0])) }
        }
    }

    /// Whether a loop of the digit stands on the line at box column `foot`: a hole in the mark
    /// at least `loopShare` of the `digitHeight` tall, reaching down to within a quarter of that
    /// height of the band (its top row `bandTop`) and across to within a quarter of it of the
    /// foot. A 0 or an 8 stands on an underline by its loop wherever the writer began the line;
    /// a 2 stands on its base by its diagonal's end, or by a loop where the pen crossed.
    private static func loopStands(at foot: Int, digitHeight: Int, bandTop: Int, of c: Component,
                                   isInk: (Int, Int) -> Bool) -> Bool {
        let w = c.width, h = c.height
        let region = (0..<(w * h)).map { isInk(c.minX + $0 % w, c.minY + $0 / w) }
        let isHole = zip(GridFlood.enclosed(by: region, width: w, height: h), region).map { $0 && !$1 }
        let near = digitHeight / 4, lowest = bandTop - c.minY - near
        var seen = [Bool](repeating: false, count: w * h)
        for start in isHole.indices where isHole[start] && !seen[start] {
            // One hole's box, flooded from its first pixel.
            seen[start] = true
            var minX = start % w, maxX = minX, minY = start / w, maxY = minY
            GridFlood.spread(from: [start], width: w, count: w * h) { _, j in
                guard isHole[j] && !seen[j] else { return false }
                seen[j] = true
                minX = min(minX, j % w); maxX = max(maxX, j % w); minY = min(minY, j / w); maxY = max(maxY, j / w)
                return true
            }
            if Float(maxY - minY + 1) >= loopShare * Float(digitHeight), maxY >= lowest,
               minX <= foot + near, maxX >= foot { return true }
        }
        return false
    }

    /// The shortest loop that stands on an underline, as a share of the digit's height. Of
    /// MNIST's test digits, 88 % of the 0s and 57 % of the 8s have a loop in their lower part at
    /// least this tall, and 8 % of the 2s (where the pen crossed from the diagonal into the
    /// base): such a 2 begins its base under the loop, and the line must reach past the digit's
    /// box on the left (`overhang`), which its own base does not.
    static let loopShare: Float = 0.25
}

/// A straight line through the lowest ink of a mark's columns, fitted by least squares, then
/// again over the columns that lie near the first fit (a digit's foot through the line pulls
/// the first one).
private struct StraightEdge {
    /// Row at column 0, and rows per column.
    let intercept: Float, slope: Float
    /// How many columns lie within the tolerance of the line.
    let inliers: Int
    private let rows: [Int]
    private let tolerance: Float

    /// `rows`: the lowest ink's row in each column.
    init?(_ rows: [Int], tolerance: Float) {
        guard rows.count >= 2, let first = Self.fit(rows, where: { _ in true }) else { return nil }
        guard let refined = Self.fit(rows, where: { abs(Float(rows[$0]) - first.intercept - first.slope * Float($0)) <= 2 * tolerance })
        else { return nil }
        (intercept, slope) = refined
        self.rows = rows
        self.tolerance = tolerance
        inliers = rows.indices.filter { abs(Float(rows[$0]) - refined.intercept - refined.slope * Float($0)) <= tolerance }.count
    }

    func row(at column: Int) -> Float { intercept + slope * Float(column) }

    /// Whether all of `columns` lie within the tolerance of the line.
    func holds(_ columns: [Int]) -> Bool {
        columns.allSatisfy { abs(Float(rows[$0]) - row(at: $0)) <= tolerance }
    }

    private static func fit(_ rows: [Int], where use: (Int) -> Bool) -> (intercept: Float, slope: Float)? {
        var n: Float = 0, sx: Float = 0, sy: Float = 0, sxx: Float = 0, sxy: Float = 0
        for (x, y) in rows.enumerated() where use(x) {
            let fx = Float(x), fy = Float(y)
            n += 1; sx += fx; sy += fy; sxx += fx * fx; sxy += fx * fy
        }
        let spread = n * sxx - sx * sx
        guard n >= 2, spread > 0 else { return nil }
        let slope = (n * sxy - sx * sy) / spread
        return ((sy - slope * sx) / n, slope)
    }
}
