/// The convex hull of a region of a grid, each cell a unit square, and how many corners it has:
/// a sheet of paper is a polygon of four straight edges, a fat light digit's outline is round.
struct ConvexOutline {
    typealias Point = (x: Int, y: Int)

    /// The hull's vertices, counter-clockwise in image coordinates (y down).
    let vertices: [Point]

    /// `rows` gives, per row `y` of the grid, the first and last cell of the region in it, or
    /// nil where the row holds none (only a row's extreme cells can be on the hull).
    init(rows: Int, extremes: (Int) -> (first: Int, last: Int)?) {
        var points: [Point] = []
        for y in 0..<rows {
            guard let (first, last) = extremes(y) else { continue }
            points += [(first, y), (first, y + 1), (last + 1, y), (last + 1, y + 1)]
        }
        // Andrew's monotone chain.
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
        vertices = hull
    }

    /// The area the hull encloses, in cells.
    var area: Float {
        let twice = vertices.indices.reduce(0) { sum, i in
            let (a, b) = (vertices[i], vertices[(i + 1) % vertices.count])
            return sum + a.x * b.y - b.x * a.y
        }
        return Float(abs(twice)) / 2
    }

    /// The hull's vertices that stay when it is simplified (Douglas–Peucker) to within
    /// `tolerance` cells: four for a rectangle or a sheet seen in perspective, however large; a
    /// round outline keeps more the larger it is against the tolerance.
    func corners(tolerance: Float) -> Int {
        let count = vertices.count
        guard count > 3 else { return count }
        // The two vertices farthest apart are corners of any simplification.
        var farthest = (first: 0, second: 1, squared: -1)
        for i in 0..<count {
            for j in (i + 1)..<count {
                let (dx, dy) = (vertices[i].x - vertices[j].x, vertices[i].y - vertices[j].y)
                if dx * dx + dy * dy > farthest.squared { farthest = (i, j, dx * dx + dy * dy) }
            }
        }
        // Corners kept strictly between vertices `from` and `to`, walking forward (indices taken
        // modulo the count, so a walk may pass the start).
        func cornersBetween(_ from: Int, _ to: Int) -> Int {
            let a = vertices[from % count], b = vertices[to % count]
            let (dx, dy) = (Float(b.x - a.x), Float(b.y - a.y))
            let length = max(1e-6, (dx * dx + dy * dy).squareRoot())
            var worst = (index: -1, distance: tolerance)
            for k in stride(from: from + 1, to: to, by: 1) {
                let p = vertices[k % count]
                let distance = abs(Float(p.x - a.x) * dy - Float(p.y - a.y) * dx) / length
                if distance > worst.distance { worst = (k, distance) }
            }
            guard worst.index >= 0 else { return 0 }
            return 1 + cornersBetween(from, worst.index) + cornersBetween(worst.index, to)
        }
        return 2 + cornersBetween(farthest.first, farthest.second)
            + cornersBetween(farthest.second, farthest.first + count)
    }
}
