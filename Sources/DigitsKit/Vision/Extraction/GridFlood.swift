/// Floods over a grid of cells stored row by row, four neighbours to a cell: a sheet's cells on
/// the small copy of a photo (`SheetGrid`), a digit's pixels in its box (`OutlineSteepness`,
/// and the loops of a digit on an underline: `TouchingUnderlines`).
enum GridFlood {
    /// The region with every cell it encloses: all but what the border reaches around it.
    static func enclosed(by region: [Bool], width w: Int, height h: Int) -> [Bool] {
        var outside = [Bool](repeating: false, count: w * h)
        let border = (0..<(w * h)).filter { i in
            let x = i % w, y = i / w
            return (x == 0 || y == 0 || x == w - 1 || y == h - 1) && !region[i]
        }
        for i in border { outside[i] = true }
        spread(from: border, width: w, count: w * h) { _, j in
            guard !outside[j] && !region[j] else { return false }
            outside[j] = true
            return true
        }
        return outside.map { !$0 }
    }

    /// Calls `body` with each of the (up to) four cells beside cell `i`.
    @inline(__always)
    static func forEachNeighbour(of i: Int, width w: Int, count: Int, _ body: (Int) -> Void) {
        let x = i % w
        if x > 0 { body(i - 1) }
        if x + 1 < w { body(i + 1) }
        if i >= w { body(i - w) }
        if i + w < count { body(i + w) }
    }

    /// Breadth first from `sources` over the cells beside them: `visit(from, to)` marks `to`
    /// and says whether to go on from it.
    static func spread(from sources: [Int], width w: Int, count: Int, _ visit: (Int, Int) -> Bool) {
        var queue = sources
        var head = 0
        while head < queue.count {
            let i = queue[head]
            head += 1
            forEachNeighbour(of: i, width: w, count: count) { j in
                if visit(i, j) { queue.append(j) }
            }
        }
    }
}
