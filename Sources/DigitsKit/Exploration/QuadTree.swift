/// A Barnes–Hut quadtree over 2-D points: each node knows its centre of mass, point count and
/// width, so far-away groups of points act on a point as one.
struct QuadTree {
    private var centerX: [Double] = []
    private var centerY: [Double] = []
    private var counts: [Int32] = []
    private var widths: [Double] = []
    /// First child node and how many children (0 for a leaf).
    private var firstChild: [Int32] = []
    private var childCount: [Int32] = []
    /// A leaf's points: `order[pointStart ..< pointStart + counts]`.
    private var pointStart: [Int32] = []
    private var order: [Int32]

    /// Deeper than this, points are (nearly) identical and stay together in one leaf.
    private static let maximumDepth = 48

    init(x: UnsafeBufferPointer<Double>, y: UnsafeBufferPointer<Double>) {
        order = (0..<Int32(x.count)).map { $0 }
        guard !x.isEmpty else { return }
        var minX = Double.infinity, maxX = -Double.infinity, minY = Double.infinity, maxY = -Double.infinity
        for i in 0..<x.count {
            minX = min(minX, x[i]); maxX = max(maxX, x[i])
            minY = min(minY, y[i]); maxY = max(maxY, y[i])
        }
        let half = max(maxX - minX, maxY - minY, 1e-12) / 2 * (1 + 1e-9)
        appendNode()
        build(node: 0, start: 0, end: x.count, midX: (minX + maxX) / 2, midY: (minY + maxY) / 2, half: half, depth: 0, x: x, y: y)
    }

    private mutating func appendNode() {
        centerX.append(0); centerY.append(0); counts.append(0); widths.append(0)
        firstChild.append(0); childCount.append(0); pointStart.append(0)
    }

    private mutating func build(node: Int, start: Int, end: Int, midX: Double, midY: Double, half: Double, depth: Int,
                                x: UnsafeBufferPointer<Double>, y: UnsafeBufferPointer<Double>) {
        var sumX = 0.0, sumY = 0.0
        for p in start..<end {
            sumX += x[Int(order[p])]
            sumY += y[Int(order[p])]
        }
        let count = end - start
        centerX[node] = sumX / Double(count)
        centerY[node] = sumY / Double(count)
        counts[node] = Int32(count)
        widths[node] = 2 * half
        pointStart[node] = Int32(start)
        guard count > 1, depth < Self.maximumDepth else { return }
        // Partition this node's points into the four quadrants, in place.
        var bounds = [start, start, start, start, end]
        var quadrantOf = [UInt8](repeating: 0, count: count)
        var sizes = [0, 0, 0, 0]
        for p in start..<end {
            let i = Int(order[p])
            let q = (x[i] >= midX ? 1 : 0) + (y[i] >= midY ? 2 : 0)
            quadrantOf[p - start] = UInt8(q)
            sizes[q] += 1
        }
        let copy = Array(order[start..<end])
        var next = [start, start + sizes[0], start + sizes[0] + sizes[1], start + sizes[0] + sizes[1] + sizes[2]]
        for q in 0..<4 { bounds[q] = next[q] }
        for (offset, point) in copy.enumerated() {
            let q = Int(quadrantOf[offset])
            order[next[q]] = point
            next[q] += 1
        }
        let children = (0..<4).filter { sizes[$0] > 0 }
        firstChild[node] = Int32(counts.count)
        childCount[node] = Int32(children.count)
        let base = counts.count
        for _ in children { appendNode() }
        for (slot, q) in children.enumerated() {
            let quarter = half / 2
            build(node: base + slot, start: bounds[q], end: bounds[q] + sizes[q],
                  midX: midX + (q & 1 == 1 ? quarter : -quarter), midY: midY + (q & 2 == 2 ? quarter : -quarter),
                  half: quarter, depth: depth + 1, x: x, y: y)
        }
    }

    /// The repulsive force on `point` (unnormalised: Σ q²·(y_i − y_j)) and its share of the
    /// normalisation Z = Σ q, with q = 1 / (1 + |y_i − y_j|²). A node is summarised when
    /// width² < θ²·distance², scikit-learn's criterion.
    func repulsion(point: Int, x px: Double, y py: Double, thetaSquared: Double, stack: inout [Int32]) -> (fx: Double, fy: Double, z: Double) {
        var fx = 0.0, fy = 0.0, z = 0.0
        stack.removeAll(keepingCapacity: true)
        stack.append(0)
        while let top = stack.popLast() {
            let node = Int(top)
            let dx = px - centerX[node], dy = py - centerY[node]
            let d2 = dx * dx + dy * dy
            if childCount[node] == 0 {
                // A leaf: its points one by one (they coincide, or there is just one).
                let start = Int(pointStart[node])
                for p in start..<(start + Int(counts[node])) where Int(order[p]) != point {
                    let q = 1 / (1 + d2)
                    z += q
                    fx += q * q * dx
                    fy += q * q * dy
                }
            } else if widths[node] * widths[node] < thetaSquared * d2 {
                let n = Double(counts[node])
                let q = 1 / (1 + d2)
                z += n * q
                fx += n * q * q * dx
                fy += n * q * q * dy
            } else {
                let first = Int(firstChild[node])
                for child in first..<(first + Int(childCount[node])) { stack.append(Int32(child)) }
            }
        }
        return (fx, fy, z)
    }
}
