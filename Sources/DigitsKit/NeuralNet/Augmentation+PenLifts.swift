import Foundation

/// Gaps where a writer's strokes failed to meet or the pen skipped: a short band cut square
/// across one stroke of a training digit. A canvas drawing whose strokes do not touch, and a
/// thresholded photo of a faint ballpoint or pencil line, hand the classifier such gaps, which
/// MNIST's scanned pen strokes rarely have; a network that never saw one read a 1 cut in two as
/// a 2 and a 9 whose stroke parted below its loop as a 4 (`scripts/bench/broken-strokes.py`).
enum PenLift {
    /// Ink above this is part of a stroke.
    static let inkThreshold: Float = 0.5
    /// Half the side of the window whose ink gives the stroke's direction at the cut.
    static let directionRadius = 3
    /// How far across the stroke the cut may reach from its centre, in pixels.
    static let maximumHalfStroke: Float = 4

    /// Cuts one gap, or two in a third of the digits, 0.75–2 px wide, across strokes of
    /// `image` (28×28, [0, 1]); leaves a digit with too little ink to cut alone.
    static func cut(_ image: UnsafeMutablePointer<Float>, random: inout SplitMix64) {
        let gaps = random.nextUnitFloat() < 1.0 / 3 ? 2 : 1
        for _ in 0..<gaps {
            let width = random.uniform(0.75, 2)
            cutAcross(image, width: width, pick: random.next())
        }
    }

    /// Cuts a gap `width` pixels wide across the stroke through the ink pixel `pick` chooses (the
    /// `pick % count`th, in reading order): square to the stroke's direction there, and only as
    /// long as that stroke is wide, so a neighbouring stroke stays whole. The gap's edges fade
    /// over a pixel, as a resampled pen stroke's do.
    static func cutAcross(_ image: UnsafeMutablePointer<Float>, width: Float, pick: UInt64) {
        let side = Augmentation.side
        let ink = (0..<Augmentation.area).filter { image[$0] > inkThreshold }
        guard ink.count >= 10 else { return }
        let centre = ink[Int(pick % UInt64(ink.count))]
        let (cx, cy) = (centre % side, centre / side)
        let along = strokeDirection(image, x: cx, y: cy)
        let across = (x: -along.y, y: along.x)
        let inkAt = { (distance: Float) -> Bool in
            let (x, y) = (Int((Float(cx) + distance * across.x).rounded()), Int((Float(cy) + distance * across.y).rounded()))
            return x >= 0 && x < side && y >= 0 && y < side && image[y * side + x] > inkThreshold
        }
        // The stroke's extent on either side of the picked pixel, walked in half-pixel steps.
        var (before, after): (Float, Float) = (0, 0)
        while before < maximumHalfStroke, inkAt(-before - 0.5) { before += 0.5 }
        while after < maximumHalfStroke, inkAt(after + 0.5) { after += 0.5 }
        let reach = Int((maximumHalfStroke + width).rounded(.up)) + 1
        for y in max(0, cy - reach)...min(side - 1, cy + reach) {
            for x in max(0, cx - reach)...min(side - 1, cx + reach) {
                let (dx, dy) = (Float(x - cx), Float(y - cy))
                let crosswise = dx * across.x + dy * across.y
                guard crosswise >= -before - 1, crosswise <= after + 1 else { continue }
                let lengthwise = abs(dx * along.x + dy * along.y)
                image[y * side + x] *= min(1, max(0, lengthwise - width / 2 + 0.5))
            }
        }
    }

    /// The unit direction of the stroke through (x, y): the principal axis of the ink around it.
    private static func strokeDirection(_ image: UnsafePointer<Float>, x: Int, y: Int) -> (x: Float, y: Float) {
        let side = Augmentation.side, radius = directionRadius
        var (xx, yy, xy): (Float, Float, Float) = (0, 0, 0)
        for v in max(0, y - radius)...min(side - 1, y + radius) {
            for u in max(0, x - radius)...min(side - 1, x + radius) {
                let value = image[v * side + u]
                guard value > inkThreshold else { continue }
                let (dx, dy) = (Float(u - x), Float(v - y))
                xx += value * dx * dx
                yy += value * dy * dy
                xy += value * dx * dy
            }
        }
        let angle = 0.5 * atan2(2 * xy, xx - yy)
        return (cos(angle), sin(angle))
    }
}
