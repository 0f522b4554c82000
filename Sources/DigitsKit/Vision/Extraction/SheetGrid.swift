/// A small copy of a picture split into a candidate sheet (the largest bright region and what it
/// encloses) and the desk around it, with the measures `Sheet` decides by. Measures are
/// computed when asked for, so the cheap tests can turn a picture down first.
struct SheetGrid {
    let width: Int, height: Int
    let grey: [Float]
    /// Brighter than Otsu's threshold.
    let bright: [Bool]
    /// The candidate sheet; everything else is desk.
    let sheet: [Bool]
    let sheetShare: Float
    /// Median grey levels.
    let paperGrey: Float, deskGrey: Float

    /// Nil when nothing in the picture is bright, or nothing dark reaches the border.
    init?(_ picture: GrayImage, longestSide: Int) {
        let factor = min(1, Float(longestSide) / Float(max(picture.width, picture.height)))
        width = max(1, Int((Float(picture.width) * factor).rounded()))
        height = max(1, Int((Float(picture.height) * factor).rounded()))
        grey = picture.resized(width: width, height: height).pixels
        let threshold = Thresholding.otsu(grey)
        bright = grey.map { $0 > threshold }
        // The desk reaches the border, a corner of it at least (which is 5 % or more of the
        // border for 1 % of the picture): a canvas or a page filling the frame stops here.
        let borderCells = GrayImage(checkedWidth: width, height: height, pixels: grey).border(width: 1)
        guard borderCells.filter({ $0 <= threshold }).count * 50 >= borderCells.count else { return nil }
        let labelling = ComponentLabels(mask: bright.map { $0 ? 1 : 0 },
                                        ink: GrayImage(checkedWidth: width, height: height, pixels: grey))
        guard let largest = labelling.components.indices.max(by: { labelling.components[$0].area < labelling.components[$1].area })
        else { return nil }
        sheet = Self.enclosed(by: labelling.labels.map { $0 == Int32(largest + 1) }, width: width, height: height)
        guard sheet.contains(false) else { return nil }
        let sheetGrey = zip(grey, sheet).filter { $0.1 }.map(\.0), deskGrey = zip(grey, sheet).filter { !$0.1 }.map(\.0)
        sheetShare = Float(sheetGrey.count) / Float(grey.count)
        paperGrey = median(sheetGrey)
        self.deskGrey = median(deskGrey)
    }

    /// The region with every cell it encloses: all but what the border reaches around it.
    private static func enclosed(by region: [Bool], width w: Int, height h: Int) -> [Bool] {
        var outside = [Bool](repeating: false, count: w * h)
        var queue = (0..<(w * h)).filter { i in
            let x = i % w, y = i / w
            return (x == 0 || y == 0 || x == w - 1 || y == h - 1) && !region[i]
        }
        for i in queue { outside[i] = true }
        var head = 0
        while head < queue.count {
            let i = queue[head]
            head += 1
            forEachNeighbour(of: i, width: w, count: w * h) { j in
                if !outside[j] && !region[j] {
                    outside[j] = true
                    queue.append(j)
                }
            }
        }
        return outside.map { !$0 }
    }

    /// Calls `body` with each of the (up to) four cells beside cell `i`.
    @inline(__always)
    private static func forEachNeighbour(of i: Int, width w: Int, count: Int, _ body: (Int) -> Void) {
        let x = i % w
        if x > 0 { body(i - 1) }
        if x + 1 < w { body(i + 1) }
        if i >= w { body(i - w) }
        if i + w < count { body(i + w) }
    }

    /// Sheet cells with a desk cell beside them.
    private var edgeCells: [Int] {
        (0..<grey.count).filter { i in
            var besideDesk = false
            if sheet[i] { Self.forEachNeighbour(of: i, width: width, count: grey.count) { besideDesk = besideDesk || !sheet[$0] } }
            return besideDesk
        }
    }

    /// The share of the sheet that is not bright: the ink on a sheet; the hole of a light 0.
    var enclosedDarkShare: Float {
        Float(zip(sheet, bright).filter { $0.0 && !$0.1 }.count) / Float(max(1, sheet.filter { $0 }.count))
    }

    /// The share of desk cells clearly darker than the desk (below 0.6 of its grey and by 0.1 at
    /// least, so sensor noise on a black desk is no mark): writing in a shade taken for desk.
    var markedDeskShare: Float {
        let mark = min(0.6 * deskGrey, deskGrey - 0.1)
        let desk = zip(grey, sheet).filter { !$0.1 }
        return Float(desk.filter { $0.0 < mark }.count) / Float(desk.count)
    }

    /// How far the desk reaches from the sheet at most (steps across and along), as a share of
    /// the short side.
    var deskDepth: Float {
        var distance = sheet.map { $0 ? 0 : -1 }
        var queue = (0..<grey.count).filter { sheet[$0] }
        var head = 0, deepest = 0
        while head < queue.count {
            let i = queue[head]
            head += 1
            Self.forEachNeighbour(of: i, width: width, count: grey.count) { j in
                if distance[j] < 0 {
                    distance[j] = distance[i] + 1
                    deepest = max(deepest, distance[j])
                    queue.append(j)
                }
            }
        }
        return Float(deepest) / Float(min(width, height))
    }

    /// How many cells wide the step from desk to paper is: the cells between the two levels (by
    /// more than a fifth of the step) within three cells of the edge, per cell of edge.
    var edgeWidth: Float {
        let low = deskGrey + 0.2 * (paperGrey - deskGrey), high = paperGrey - 0.2 * (paperGrey - deskGrey)
        var nearEdge = [Bool](repeating: false, count: grey.count)
        let edge = edgeCells
        for i in edge {
            let x = i % width, y = i / width
            for ny in max(0, y - 3)...min(height - 1, y + 3) {
                for nx in max(0, x - 3)...min(width - 1, x + 3) { nearEdge[ny * width + nx] = true }
            }
        }
        guard !edge.isEmpty else { return .infinity }
        let between = (0..<grey.count).filter { nearEdge[$0] && grey[$0] > low && grey[$0] < high }.count
        return Float(between) / Float(edge.count)
    }

    /// The share of the edge cells within two cells of the sheet's convex hull's outline.
    var edgeShareOnHull: Float {
        let hull = convexHull()
        let edge = edgeCells
        guard !edge.isEmpty, hull.count >= 3 else { return 0 }
        let near = edge.filter { i in
            let px = Float(i % width) + 0.5, py = Float(i / width) + 0.5
            return hull.indices.contains { k in
                let a = hull[k], b = hull[(k + 1) % hull.count]
                let (ax, ay, dx, dy) = (Float(a.x), Float(a.y), Float(b.x - a.x), Float(b.y - a.y))
                let t = max(0, min(1, ((px - ax) * dx + (py - ay) * dy) / max(1e-6, dx * dx + dy * dy)))
                let (ex, ey) = (px - ax - t * dx, py - ay - t * dy)
                return ex * ex + ey * ey <= 4
            }
        }
        return Float(near.count) / Float(edge.count)
    }

    /// The convex hull of the sheet's cells (as unit squares): Andrew's monotone chain over the
    /// corners of each row's extreme cells.
    private func convexHull() -> [(x: Int, y: Int)] {
        typealias Point = (x: Int, y: Int)
        var points: [Point] = []
        for y in 0..<height {
            guard let first = (0..<width).first(where: { sheet[y * width + $0] }),
                  let last = (0..<width).last(where: { sheet[y * width + $0] }) else { continue }
            points += [(first, y), (first, y + 1), (last + 1, y), (last + 1, y + 1)]
        }
        points.sort { $0.x != $1.x ? $0.x < $1.x : $0.y < $1.y }
        func cross(_ o: Point, _ a: Point, _ b: Point) -> Int { (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x) }
        var hull: [Point] = []
        for pass in 0..<2 {
            let start = hull.count
            for p in pass == 0 ? points : points.reversed() {
                while hull.count >= start + 2 && cross(hull[hull.count - 2], hull[hull.count - 1], p) <= 0 { hull.removeLast() }
                hull.append(p)
            }
            hull.removeLast()
        }
        return hull
    }

    /// Per pixel of `picture` (the one the grid was made from): true on the desk. Cells well
    /// inside either region keep their side; along the edge a pixel is desk unless it is nearly
    /// as bright as the paper, so the sheet's anti-aliased rim goes with the desk and leaves no
    /// dark line behind.
    func deskMask(for picture: GrayImage) -> [Bool] {
        // Per cell: whether its 3×3 neighbourhood holds sheet, desk, or both.
        var neighbourhood = [(sheet: Bool, desk: Bool)](repeating: (false, false), count: grey.count)
        for cy in 0..<height {
            for cx in 0..<width {
                for ny in max(0, cy - 1)...min(height - 1, cy + 1) {
                    for nx in max(0, cx - 1)...min(width - 1, cx + 1) {
                        if sheet[ny * width + nx] { neighbourhood[cy * width + cx].sheet = true } else { neighbourhood[cy * width + cx].desk = true }
                    }
                }
            }
        }
        let rim = paperGrey - 0.25 * (paperGrey - deskGrey)
        var desk = [Bool](repeating: false, count: picture.pixels.count)
        for y in 0..<picture.height {
            let row = min(height - 1, y * height / picture.height) * width
            for x in 0..<picture.width {
                let near = neighbourhood[row + min(width - 1, x * width / picture.width)]
                desk[y * picture.width + x] = near.desk && (!near.sheet || picture.pixels[y * picture.width + x] < rim)
            }
        }
        return desk
    }
}
