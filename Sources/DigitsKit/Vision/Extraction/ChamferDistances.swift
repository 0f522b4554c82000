/// Distances from each pixel of a set to the nearest pixel outside it, by the 3-4 chamfer (in
/// thirds of a pixel; within a few percent of Euclidean, which is all a shape test needs), in
/// two passes over the set's box with a ring of outside around it.
struct ChamferDistances {
    /// The box's corner in the image; `width` and `height` include the ring.
    let minX: Int, minY: Int, width: Int, height: Int
    /// Row by row over the box and its ring; 0 outside the set.
    private(set) var values: [Int32]
    /// The radius of the widest disc inside the set, in thirds of a pixel.
    private(set) var maximum: Int32 = 0

    static let straightStep: Int32 = 3, diagonalStep: Int32 = 4

    /// `contains(i)`: whether pixel i of the image (`imageWidth` wide, row by row) is in the set.
    /// The ring around the box counts as outside the set, unless `outsideOnlyWithin`: then only
    /// the box's own pixels outside the set do (a distance to given pixels, not to the box's edge).
    init(box: PixelBox, imageWidth: Int, outsideOnlyWithin: Bool = false, contains: (Int) -> Bool) {
        minX = box.x; minY = box.y; width = box.width + 2; height = box.height + 2
        let w = width, h = height, far = Int32.max / 2
        var values = [Int32](repeating: outsideOnlyWithin ? far : 0, count: w * h)
        for y in 0..<box.height {
            for x in 0..<box.width {
                values[(y + 1) * w + x + 1] = contains((box.y + y) * imageWidth + box.x + x) ? far : 0
            }
        }
        var widest: Int32 = 0
        let (a, b) = (Self.straightStep, Self.diagonalStep)
        values.withUnsafeMutableBufferPointer { d in
            for y in 1..<(h - 1) {
                for x in 1..<(w - 1) where d[y * w + x] > 0 {
                    let i = y * w + x
                    d[i] = min(d[i], d[i - 1] + a, d[i - w] + a, d[i - w - 1] + b, d[i - w + 1] + b)
                }
            }
            for y in stride(from: h - 2, through: 1, by: -1) {
                for x in stride(from: w - 2, through: 1, by: -1) where d[y * w + x] > 0 {
                    let i = y * w + x
                    d[i] = min(d[i], d[i + 1] + a, d[i + w] + a, d[i + w + 1] + b, d[i + w - 1] + b)
                    widest = max(widest, d[i])
                }
            }
        }
        self.values = values
        maximum = widest
    }

    /// Index into `values` of image pixel (x, y), which must lie in the box.
    func index(x: Int, y: Int) -> Int { (y - minY + 1) * width + x - minX + 1 }

    /// For every place in the box, how far it lies inside the union of the discs that fit in the
    /// set around its pixels at least `coreRadius` from the outside: for each such pixel p, the
    /// disc of radius d(p). Positive inside that union (the set opened at that scale: its wide
    /// parts), 0 or less outside it: −m at m thirds of a pixel beyond it. Two max-plus passes
    /// with the same chamfer steps.
    func depthInWideParts(coreRadius: Int32) -> [Int32] {
        let w = width, h = height
        let none = Int32.min / 2
        var depth = values.map { $0 >= coreRadius ? $0 : none }
        let (a, b) = (Self.straightStep, Self.diagonalStep)
        depth.withUnsafeMutableBufferPointer { r in
            for y in 1..<(h - 1) {
                for x in 1..<(w - 1) {
                    let i = y * w + x
                    r[i] = max(r[i], r[i - 1] - a, r[i - w] - a, r[i - w - 1] - b, r[i - w + 1] - b)
                }
            }
            for y in stride(from: h - 2, through: 1, by: -1) {
                for x in stride(from: w - 2, through: 1, by: -1) {
                    let i = y * w + x
                    r[i] = max(r[i], r[i + 1] - a, r[i + w] - a, r[i + w + 1] - b, r[i + w - 1] - b)
                }
            }
        }
        return depth
    }
}
