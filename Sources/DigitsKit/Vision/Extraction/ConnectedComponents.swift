/// One 8-connected blob of ink, with the statistics the filters and the grouping use.
struct Component {
    var minX: Int, minY: Int, maxX: Int, maxY: Int  // inclusive
    var area = 0
    /// Sum of ink darkness: how much ink, not just how many pixels.
    var mass: Float = 0
    var hasStrongInk = false
    /// Pixels on each image border.
    var topBorder = 0, bottomBorder = 0, leftBorder = 0, rightBorder = 0

    var width: Int { maxX - minX + 1 }
    var height: Int { maxY - minY + 1 }
    var box: PixelBox { PixelBox(x: minX, y: minY, width: width, height: height) }
    /// Its pixels on the image's borders (a corner pixel counts on both of its borders).
    var borderPixels: Int { topBorder + bottomBorder + leftBorder + rightBorder }
    /// Whether the frame cuts it.
    var touchesBorder: Bool { borderPixels > 0 }
}

/// Two-pass labelling with union-find over provisional labels.
struct ComponentLabels {
    /// For every pixel, 0 (paper) or 1 + the index of its component.
    let labels: [Int32]
    let components: [Component]

    init(mask: [UInt8], ink: GrayImage) {
        let w = ink.width, h = ink.height
        var labels = [Int32](repeating: 0, count: w * h)
        var parent: [Int32] = [0]
        mask.withUnsafeBufferPointer { m in
            labels.withUnsafeMutableBufferPointer { l in
                for y in 0..<h {
                    for x in 0..<w where m[y * w + x] != 0 {
                        var label: Int32 = 0
                        // The four neighbours already visited: left, up-left, up, up-right.
                        if x > 0 { Self.join(l[y * w + x - 1], into: &label, &parent) }
                        if y > 0 {
                            if x > 0 { Self.join(l[(y - 1) * w + x - 1], into: &label, &parent) }
                            Self.join(l[(y - 1) * w + x], into: &label, &parent)
                            if x + 1 < w { Self.join(l[(y - 1) * w + x + 1], into: &label, &parent) }
                        }
                        if label == 0 {
                            label = Int32(parent.count)
                            parent.append(label)
                        }
                        l[y * w + x] = label
                    }
                }
            }
        }
        // Second pass: final, dense labels and statistics.
        var dense = [Int32](repeating: 0, count: parent.count)
        var components: [Component] = []
        ink.pixels.withUnsafeBufferPointer { d in
            for y in 0..<h {
                for x in 0..<w {
                    let i = y * w + x
                    guard labels[i] != 0 else { continue }
                    let root = Int(Self.find(labels[i], &parent))
                    if dense[root] == 0 {
                        components.append(Component(minX: x, minY: y, maxX: x, maxY: y))
                        dense[root] = Int32(components.count)
                    }
                    let index = Int(dense[root])
                    labels[i] = Int32(index)
                    Self.update(&components[index - 1], x: x, y: y, w: w, h: h, darkness: d[i], strong: mask[i] == 2)
                }
            }
        }
        self.labels = labels
        self.components = components
    }

    /// Calls `body` with the x and y of every pixel of component `index`, in an image `width` wide.
    func forEachPixel(of index: Int, width: Int, _ body: (Int, Int) -> Void) {
        let c = components[index], label = Int32(index + 1)
        labels.withUnsafeBufferPointer { l in
            for y in c.minY...c.maxY {
                for x in c.minX...c.maxX where l[y * width + x] == label { body(x, y) }
            }
        }
    }

    /// Erases from `mask` (paper 0) the pixels (image indices) that `marks` finds in each of the
    /// `kept` components away from the frame: a writer's mark drawn against a digit. Whether it
    /// erased any: the mask must then be labelled again.
    func erase(from mask: inout [UInt8], kept: [Int], marks: (_ index: Int) -> [Int]?) -> Bool {
        var erased = false
        for index in kept where !components[index].touchesBorder {
            guard let pixels = marks(index) else { continue }
            for pixel in pixels { mask[pixel] = 0 }
            erased = true
        }
        return erased
    }

    /// Union-find with path compression. Plain functions over an `inout` array rather than
    /// nested functions capturing it, which Swift would check for exclusive access at run time
    /// on every step.
    private static func find(_ label: Int32, _ parent: inout [Int32]) -> Int32 {
        var root = label
        while parent[Int(root)] != root { root = parent[Int(root)] }
        var node = label
        while parent[Int(node)] != root {
            let next = parent[Int(node)]
            parent[Int(node)] = root
            node = next
        }
        return root
    }

    /// Adds the neighbour's set to the pixel's `label` (0: none yet), merging the two sets.
    private static func join(_ other: Int32, into label: inout Int32, _ parent: inout [Int32]) {
        guard other != 0 else { return }
        if label == 0 { label = find(other, &parent); return }
        let ra = find(label, &parent), rb = find(other, &parent)
        if ra == rb { label = ra; return }
        let (low, high) = ra < rb ? (ra, rb) : (rb, ra)
        parent[Int(high)] = low
        label = low
    }

    private static func update(_ c: inout Component, x: Int, y: Int, w: Int, h: Int, darkness: Float, strong: Bool) {
        c.minX = min(c.minX, x); c.maxX = max(c.maxX, x); c.maxY = y
        c.area += 1
        c.mass += darkness
        if strong { c.hasStrongInk = true }
        if y == 0 { c.topBorder += 1 }
        if y == h - 1 { c.bottomBorder += 1 }
        if x == 0 { c.leftBorder += 1 }
        if x == w - 1 { c.rightBorder += 1 }
    }
}
