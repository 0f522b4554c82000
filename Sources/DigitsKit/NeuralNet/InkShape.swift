import Foundation

/// What a stroke drawn onto a digit needs to know about it: its bounding box, the ends of its
/// stroke, and its pen (the typical stroke width and darkness).
struct InkShape {
    let image: UnsafeMutablePointer<Float>
    let top: Float, bottom: Float, left: Float, right: Float
    /// The stroke's width in pixels: the median ink per inked row (a row crosses a 1 or a 7's
    /// stem once, so its ink is the width the pen left). Settable, for a glyph that replaces
    /// the digit and spreads its ink over strokes of another length.
    var penWidth: Float
    /// The digit's darkest ink, MNIST's stroke centre.
    let peak: Float
    /// All the digit's ink, counted in pixels of its darkest ink (`peak`).
    let mass: Float

    var height: Float { bottom - top + 1 }
    var width: Float { right - left + 1 }

    static let side = Augmentation.side

    init?(_ image: UnsafeMutablePointer<Float>) {
        let side = Self.side
        var rows: [Int] = [], rowInk: [Float] = []
        var (left, right, peak, mass) = (side, -1, Float(0), Float(0))
        for y in 0..<side {
            var sum: Float = 0, inked = false
            for x in 0..<side {
                let value = image[y * side + x]
                sum += value
                peak = max(peak, value)
                if value > HandwritingStyle.inkThreshold {
                    inked = true
                    left = min(left, x)
                    right = max(right, x)
                }
            }
            mass += sum
            if inked {
                rows.append(y)
                rowInk.append(sum)
            }
        }
        guard let first = rows.first, let last = rows.last, last - first >= 6 else { return nil }
        self.image = image
        (top, bottom) = (Float(first), Float(last))
        (self.left, self.right) = (Float(left), Float(right))
        penWidth = min(4, max(1.5, rowInk.sorted()[rowInk.count / 2]))
        self.peak = peak
        self.mass = mass / peak
    }

    /// The ink-weighted centre of row `y`, nil if the row is blank.
    func centre(ofRow y: Int) -> Float? {
        guard (0..<Self.side).contains(y) else { return nil }
        var (mass, moment) = (Float(0), Float(0))
        for x in 0..<Self.side {
            let value = image[y * Self.side + x]
            guard value > HandwritingStyle.inkThreshold else { continue }
            mass += value
            moment += value * Float(x)
        }
        return mass > 0 ? moment / mass : nil
    }

    /// The top end of the stroke: the centre of its first inked row, half a pen below the edge.
    var topEnd: (x: Float, y: Float) {
        (centre(ofRow: Int(top)) ?? (left + right) / 2, top + penWidth / 2 - 0.5)
    }

    /// The bottom end of the stroke.
    var bottomEnd: (x: Float, y: Float) {
        (centre(ofRow: Int(bottom)) ?? (left + right) / 2, bottom - penWidth / 2 + 0.5)
    }

    /// Draws an anti-aliased straight stroke of this pen, ends clamped so that the whole stroke
    /// stays a pixel inside the frame: full darkness within half a pen of the segment, fading
    /// over one pixel, so a cross-section carries `penWidth` of ink, as a row of the digit does.
    func stroke(_ image: UnsafeMutablePointer<Float>, from a: (x: Float, y: Float), to b: (x: Float, y: Float)) {
        let radius = penWidth / 2, side = Self.side
        let margin = radius + 1.5, limit = Float(side - 1) - margin
        func clamp(_ value: Float) -> Float { min(limit, max(margin, value)) }
        let (ax, ay, bx, by) = (clamp(a.x), clamp(a.y), clamp(b.x), clamp(b.y))
        let (dx, dy) = (bx - ax, by - ay)
        let lengthSquared = max(dx * dx + dy * dy, 1e-6)
        let reach = radius + 1
        let (x0, x1) = (max(0, Int((min(ax, bx) - reach).rounded(.down))), min(side - 1, Int((max(ax, bx) + reach).rounded(.up))))
        let (y0, y1) = (max(0, Int((min(ay, by) - reach).rounded(.down))), min(side - 1, Int((max(ay, by) + reach).rounded(.up))))
        for y in y0...y1 {
            for x in x0...x1 {
                let (px, py) = (Float(x) - ax, Float(y) - ay)
                let t = min(1, max(0, (px * dx + py * dy) / lengthSquared))
                let (ex, ey) = (px - t * dx, py - t * dy)
                let coverage = min(1, max(0, radius + 0.5 - (ex * ex + ey * ey).squareRoot()))
                let p = y * side + x
                image[p] = max(image[p], peak * coverage)
            }
        }
    }
}
