import Foundation

/// A projective map of the plane (a homography), for photographing a page at an angle: the
/// page's corners go to four chosen points and everything between follows.
struct PerspectiveWarp {
    /// Maps output pixel coordinates back to the source: (x, y) ↦ (h0 x + h1 y + h2, h3 x + h4 y + h5) / (h6 x + h7 y + 1).
    private let h: [Double]

    /// The warp that takes `from[k]` to `to[k]` for the four corners; nil when the points are
    /// degenerate (three in a line).
    init?(from: [(Double, Double)], to: [(Double, Double)]) {
        guard from.count == 4, to.count == 4 else { return nil }
        // Inverse mapping: solve for the map from `to` (output) back to `from` (source).
        var a = [[Double]](repeating: [Double](repeating: 0, count: 9), count: 8)
        for k in 0..<4 {
            let (x, y) = to[k], (u, v) = from[k]
            a[2 * k] = [x, y, 1, 0, 0, 0, -u * x, -u * y, u]
            a[2 * k + 1] = [0, 0, 0, x, y, 1, -v * x, -v * y, v]
        }
        // Gaussian elimination with partial pivoting on the 8×8 system.
        for column in 0..<8 {
            guard let pivot = (column..<8).max(by: { abs(a[$0][column]) < abs(a[$1][column]) }),
                  abs(a[pivot][column]) > 1e-12 else { return nil }
            a.swapAt(column, pivot)
            for row in 0..<8 where row != column {
                let factor = a[row][column] / a[column][column]
                for k in column..<9 { a[row][k] -= factor * a[column][k] }
            }
        }
        h = (0..<8).map { a[$0][8] / a[$0][$0] }
    }

    /// The page rotated by `degrees` about its centre, its corners then moved inward or outward
    /// by up to `skew` of its size (a camera not square to the page); `scale` and `shift` (in
    /// pixels) place the page further away or off centre.
    static func photographed(width: Int, height: Int, degrees: Double, skew: Double, scale: Double = 1,
                             shift: (x: Double, y: Double) = (0, 0), rng: inout SplitMix64) -> PerspectiveWarp? {
        let (w, h) = (Double(width), Double(height))
        let corners = [(0.0, 0.0), (w, 0), (w, h), (0, h)]
        let angle = degrees * .pi / 180
        let moved = corners.map { corner -> (Double, Double) in
            let (x, y) = ((corner.0 - w / 2) * scale, (corner.1 - h / 2) * scale)
            let jx = (Double(rng.nextUnitFloat()) * 2 - 1) * skew * w, jy = (Double(rng.nextUnitFloat()) * 2 - 1) * skew * h
            return (w / 2 + shift.x + x * cos(angle) - y * sin(angle) + jx, h / 2 + shift.y + x * sin(angle) + y * cos(angle) + jy)
        }
        return PerspectiveWarp(from: corners, to: moved)
    }

    /// The layer as the camera sees it (bilinear sampling); outside the source is `outside`.
    func apply(_ layer: GrayImage, outside: Float = 0) -> GrayImage {
        var out = GrayImage(width: layer.width, height: layer.height)
        for y in 0..<layer.height {
            for x in 0..<layer.width {
                let (px, py) = (Double(x) + 0.5, Double(y) + 0.5)
                let d = h[6] * px + h[7] * py + 1
                let u = (h[0] * px + h[1] * py + h[2]) / d - 0.5, v = (h[3] * px + h[4] * py + h[5]) / d - 0.5
                let x0 = Int(u.rounded(.down)), y0 = Int(v.rounded(.down))
                let fx = Float(u - Double(x0)), fy = Float(v - Double(y0))
                func at(_ sx: Int, _ sy: Int) -> Float {
                    sx >= 0 && sy >= 0 && sx < layer.width && sy < layer.height ? layer[sx, sy] : outside
                }
                let top = at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx
                let bottom = at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx
                out[x, y] = top * (1 - fy) + bottom * fy
            }
        }
        return out
    }
}
