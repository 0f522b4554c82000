/// The printed boxes of a form, with a digit written in them: the box is one component, larger
/// than the digit, so a picture of one digit was read as a 0 (the box, the heaviest ink), or as
/// the digit grouped with its box when the pen touched it.
///
/// A frame is a component with a thin straight line along at least three sides of its box (the
/// fourth may have gone with the ruled lines, which erase a long enough one, or be crossed by
/// the digit) around other ink standing at least `contentShare` of the height inside the lines.
/// A line is a run of ink, thinner than `bandShare` of the box's short side, at the same depth
/// from the edge along at least `bareShare` of the side, and along at least `coverage` of it
/// counting where a stroke runs along or across it and hides it. The lines are erased, except
/// where a stroke runs on through them: a digit touching its box keeps its stroke. A 0 drawn
/// boxy holds no other ink; an 8 drawn as a rectangle holds only its short middle bar; a boxy 0
/// drawn with a marker has sides thicker than the band.
enum PrintedFrames {
    static let coverage: Float = 0.7
    static let bareShare: Float = 0.35
    static let bandShare: Float = 0.08
    static let contentShare: Float = 0.3
    static let wallSpan: Float = 0.95

    /// What erasing found: whether any frame went, and the boxes of the combs between their
    /// walls, each made to hold one digit.
    struct Erasure {
        var erasedAny = false
        var combCells: [PixelBox] = []
    }

    /// Erases from `mask` the lines of every printed frame among `labelling`'s components that
    /// holds other ink.
    static func erase(from mask: inout [UInt8], labelling: ComponentLabels, width: Int, height: Int) -> Erasure {
        let components = labelling.components
        // A frame that can hold a legible digit is not tiny against the picture.
        let smallest = max(16, max(width, height) / 12)
        var erasure = Erasure()
        for index in components.indices {
            let frame = components[index]
            guard frame.width >= smallest, frame.height >= smallest,
                  let lines = lines(of: index, labelling: labelling, width: width),
                  holdsContent(index, lines: lines, labelling: labelling, width: width) else { continue }
            for pixel in lines.pixels { mask[pixel] = 0 }
            if 2 * frame.width >= 3 * frame.height {
                let walls = walls(of: index, inside: lines.inner, labelling: labelling, width: width)
                for pixel in walls.pixels { mask[pixel] = 0 }
                erasure.combCells += cells(between: walls.columns, inside: lines.inner)
            }
            erasure.erasedAny = true
        }
        return erasure
    }

    /// The boxes of a comb: from one wall (or the frame's inner edge) to the next, as tall as the
    /// inside of its lines; none for a frame without walls, which may hold a whole number.
    private static func cells(between walls: [ClosedRange<Int>], inside inner: Lines.Box) -> [PixelBox] {
        guard !walls.isEmpty else { return [] }
        let lefts = [inner.minX] + walls.map { $0.upperBound + 1 }
        let rights = walls.map { $0.lowerBound - 1 } + [inner.maxX]
        return zip(lefts, rights).filter { $0.0 < $0.1 }.map { left, right in
            PixelBox(x: left, y: inner.minY, width: right - left + 1, height: inner.maxY - inner.minY + 1)
        }
    }

    /// A frame's thin lines: the pixels to erase, and the box inside them.
    private struct Lines {
        typealias Box = (minX: Int, maxX: Int, minY: Int, maxY: Int)
        var pixels: [Int] = []
        var inner: Box
    }

    /// The straight thin lines along at least three sides of component `index`'s box (the
    /// fourth may have gone with the ruled lines, or be missing), or nil.
    ///
    /// On each side, every position along it takes the first run of the component's ink within
    /// `reach` of the edge; a thin one (shorter than `band`) may be line. A stroke crossing the
    /// line and running past the box shifts the edge, so the line is where most of those runs
    /// start (their median depth), give or take half a band: a tilted scan drifts that much.
    private static func lines(of index: Int, labelling: ComponentLabels, width: Int) -> Lines? {
        let c = labelling.components[index]
        let band = max(3, Int((bandShare * Float(min(c.width, c.height))).rounded())), reach = reach(of: c)
        let label = Int32(index + 1)
        var lines = Lines(inner: (c.minX, c.maxX, c.minY, c.maxY))
        var sidesFound = 0
        // Pixel `depth` into the box at `along` on each side: top, bottom, left, right.
        let sides: [(length: Int, pixel: (Int, Int) -> Int)] = [
            (c.width, { along, depth in (c.minY + depth) * width + c.minX + along }),
            (c.width, { along, depth in (c.maxY - depth) * width + c.minX + along }),
            (c.height, { along, depth in (c.minY + along) * width + c.minX + depth }),
            (c.height, { along, depth in (c.minY + along) * width + c.maxX - depth }),
        ]
        for (sideIndex, side) in sides.enumerated() {
            var runs: [(along: Int, start: Int, end: Int)] = []
            for along in 0..<side.length {
                var depth = 0
                while depth < reach, labelling.labels[side.pixel(along, depth)] != label { depth += 1 }
                let start = depth
                while depth < reach, labelling.labels[side.pixel(along, depth)] == label { depth += 1 }
                if start < reach, depth < reach, depth - start < band { runs.append((along, start, depth)) }
            }
            let middle = Int(median(runs.map { Float($0.start) }))
            let atLine = runs.filter { abs($0.start - middle) <= band / 2 }
            // A printed line is as thick all along; a stroke beside it that passes for thin
            // against a large frame's band is thicker than the line.
            let thickness = median(atLine.map { Float($0.end - $0.start) })
            let line = atLine.filter { Float($0.end - $0.start) <= 1.5 * thickness + 1 }
            // Where the digit runs along the line or crosses it, the line is hidden under the
            // stroke: the band is still inked there, only thicker or from farther out. Not for
            // ink that the picture's edge cuts: the dark margin round a tight crop of a light
            // digit on black also runs along every side, and is no form.
            guard Float(line.count) >= bareShare * Float(side.length) else { continue }
            var bare = [Bool](repeating: false, count: side.length)
            for run in line { bare[run.along] = true }
            let hidden = c.touchesBorder ? 0 : (0..<side.length).count { along in
                !bare[along] && (max(0, middle - band / 2)...min(reach - 1, middle + band / 2)).contains {
                    labelling.labels[side.pixel(along, $0)] == label
                }
            }
            guard Float(line.count + hidden) >= coverage * Float(side.length) else { continue }
            sidesFound += 1
            for run in line { for depth in run.start..<run.end { lines.pixels.append(side.pixel(run.along, depth)) } }
            let depth = middle + band
            switch sideIndex {
            case 0: lines.inner.minY = c.minY + depth
            case 1: lines.inner.maxY = c.maxY - depth
            case 2: lines.inner.minX = c.minX + depth
            default: lines.inner.maxX = c.maxX - depth
            }
        }
        return sidesFound >= 3 ? lines : nil
    }

    /// How deep into a frame's box its lines are looked for: a quarter of the short side.
    private static func reach(of frame: Component) -> Int {
        let short = Float(min(frame.width, frame.height))
        return max(max(3, Int((bandShare * short).rounded())), Int(0.25 * short))
    }

    /// The walls between the boxes of a comb (a row of boxes sharing their walls, a digit of a
    /// code in each): thin runs of columns inside the frame whose ink, give or take a column,
    /// joins its top line to its bottom line (`wallSpan` of the frame's height: a narrow 0
    /// written in a box has sides as straight, but leaves a gap to one line or the other).
    /// Looked for only in a frame half as wide again as tall: in a box for one digit, a 1
    /// touching both lines is no wall. Their pixels, to erase, and the columns each stands in.
    private static func walls(of index: Int, inside inner: Lines.Box, labelling: ComponentLabels,
                              width: Int) -> (pixels: [Int], columns: [ClosedRange<Int>]) {
        let frame = labelling.components[index]
        let label = Int32(index + 1)
        let rows = frame.minY...frame.maxY
        let spanning = (inner.minX...inner.maxX).map { x in
            let columns = max(frame.minX, x - 1)...min(frame.maxX, x + 1)
            let inked = rows.count { y in columns.contains { labelling.labels[y * width + $0] == label } }
            return Float(inked) >= wallSpan * Float(rows.count)
        }
        // A wall is a printed line: no wider than the band the frame's lines were found in,
        // plus the column either side that the test above lets in.
        let widest = max(3, Int((bandShare * Float(inner.maxY - inner.minY + 1)).rounded())) + 2
        var pixels: [Int] = [], columns: [ClosedRange<Int>] = []
        var x = 0
        while x < spanning.count {
            guard spanning[x] else { x += 1; continue }
            let start = x
            while x < spanning.count, spanning[x] { x += 1 }
            guard x - start <= widest else { continue }
            columns.append((start + inner.minX)...(x - 1 + inner.minX))
            for column in columns.last! {
                for y in rows where labelling.labels[y * width + column] == label { pixels.append(y * width + column) }
            }
        }
        return (pixels, columns)
    }

    /// Whether ink inside the frame's lines — the frame's own in the middle of its box (a digit
    /// that touches the box) or another component — stands at least `contentShare` of the inner
    /// height. The frame's own ink counts only beyond `reach` of every side: a digit written
    /// boxy (a 3 as three sides and a bar, a 9 whose upper left side is half a wall) has its
    /// other strokes along the sides, and the ends of its hand-drawn, tilted sides that the
    /// line search left stay near them too.
    private static func holdsContent(_ index: Int, lines: Lines, labelling: ComponentLabels, width: Int) -> Bool {
        let frame = labelling.components[index], inner = lines.inner
        guard inner.minX < inner.maxX, inner.minY < inner.maxY else { return false }
        let needed = contentShare * Float(inner.maxY - inner.minY + 1)
        let others = labelling.components.indices.contains { other in
            let c = labelling.components[other]
            return other != index && c.hasStrongInk && Float(c.height) >= needed
                && c.minX >= frame.minX && c.maxX <= frame.maxX && c.minY >= frame.minY && c.maxY <= frame.maxY
        }
        if others { return true }
        let reach = reach(of: frame)
        let (left, right) = (max(inner.minX, frame.minX + reach), min(inner.maxX, frame.maxX - reach))
        let (upper, lower) = (max(inner.minY, frame.minY + reach), min(inner.maxY, frame.maxY - reach))
        guard left <= right, upper <= lower else { return false }
        let label = Int32(index + 1)
        var top = Int.max, bottom = Int.min
        for y in upper...lower {
            for x in left...right where labelling.labels[y * width + x] == label {
                top = min(top, y)
                bottom = max(bottom, y)
            }
        }
        return top <= bottom && Float(bottom - top + 1) >= needed
    }
}
