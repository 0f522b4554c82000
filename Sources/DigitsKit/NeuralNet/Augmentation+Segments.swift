import Foundation

/// Digits written the way a calculator shows them: straight bars along the sides and across
/// the middle of a box, the seven-segment style some writers use. MNIST has almost none, and a
/// classifier that never saw them reads a boxy 6 (with its top bar) as a 5, a boxy 8 as a 0
/// and a boxy 3 as a 7. The glyph replaces the training digit in the digit's own box, drawn
/// with its pen: the same darkness, and a stroke width that spreads the digit's ink over the
/// glyph's bars, so a marker digit becomes a marker glyph.
enum SegmentStyle {
    /// Whether digit `label` has a seven-segment form unlike its MNIST shapes (a 1 is a bar either way).
    static func applies(to label: Int32) -> Bool { (0...9).contains(label) && label != 1 }

    /// The bars, as corners of the unit box (x right, y down): a top, b upper right, c lower
    /// right, d bottom, e lower left, f upper left, g middle.
    private enum Bar: CaseIterable {
        case a, b, c, d, e, f, g

        var ends: ((x: Float, y: Float), (x: Float, y: Float)) {
            switch self {
            case .a: ((0, 0), (1, 0))
            case .b: ((1, 0), (1, 0.5))
            case .c: ((1, 0.5), (1, 1))
            case .d: ((0, 1), (1, 1))
            case .e: ((0, 0.5), (0, 1))
            case .f: ((0, 0), (0, 0.5))
            case .g: ((0, 0.5), (1, 0.5))
            }
        }

        var isAcross: Bool { self == .a || self == .d || self == .g }
    }

    /// The bars of `label`. The 6 without its top bar, the 7 with a left hook and the 9
    /// without its bottom bar are the variants writers use, a third of the time each.
    private static func bars(of label: Int32, random: inout SplitMix64) -> [Bar] {
        let variant = random.nextUnitFloat() < 1.0 / 3
        switch label {
        case 0: return [.a, .b, .c, .d, .e, .f]
        case 2: return [.a, .b, .g, .e, .d]
        case 3: return [.a, .b, .g, .c, .d]
        case 4: return [.f, .g, .b, .c]
        case 5: return [.a, .f, .g, .c, .d]
        case 6: return variant ? [.f, .g, .e, .d, .c] : [.a, .f, .g, .e, .d, .c]
        case 7: return variant ? [.f, .a, .b, .c] : [.a, .b, .c]
        case 8: return Bar.allCases
        default: return variant ? [.a, .b, .c, .f, .g] : [.a, .b, .c, .d, .f, .g]
        }
    }

    /// Replaces the digit in `image` (28×28, [0, 1]) by the seven-segment glyph of `label`: as
    /// tall as the digit, 50–75 % as wide as tall, centred where it was, slanted by up to ±0.12,
    /// every bar's ends moved by up to 5 % of the height on their own, so that corners overshoot
    /// or fall short as a hand draws them. One glyph in three is drawn the way a display shows
    /// it, with a gap of 5–15 % of the height wherever two bars meet. Leaves the digit alone
    /// when it is too faint or small to measure.
    static func redraw(_ image: UnsafeMutablePointer<Float>, label: Int32, random: inout SplitMix64) {
        guard var ink = InkShape(image) else { return }
        let bars = bars(of: label, random: &random)
        let (height, width) = (ink.height, ink.height * random.uniform(0.5, 0.75))
        let slant = random.uniform(-0.12, 0.12), wobble = 0.05 * height
        let length = bars.reduce(Float(0)) { $0 + ($1.isAcross ? width : height / 2) }
        ink.penWidth = min(4.5, max(1.5, ink.mass / length))
        // Bar centres half a pen inside the box, so the glyph's ink fills the digit's box.
        let inset = ink.penWidth / 2 - 0.5, centre = (ink.left + ink.right) / 2
        func corner(_ end: (x: Float, y: Float)) -> (x: Float, y: Float) {
            (centre + (end.x - 0.5) * (width - 1 - 2 * inset) + slant * (0.5 - end.y) * height + random.uniform(-wobble, wobble),
             ink.top + inset + end.y * (height - 1 - 2 * inset) + random.uniform(-wobble, wobble))
        }
        let gap = random.nextUnitFloat() < 1.0 / 3 ? random.uniform(0.05, 0.15) * height : 0
        let strokes = bars.map { bar in
            let (from, to) = (corner(bar.ends.0), corner(bar.ends.1))
            guard gap > 0 else { return (from, to) }
            // Only where another bar meets this one: a 4's sides keep their free top ends.
            func meets(_ end: (x: Float, y: Float)) -> Bool {
                bars.contains { $0 != bar && ($0.ends.0 == end || $0.ends.1 == end) }
            }
            let length = max(((to.x - from.x) * (to.x - from.x) + (to.y - from.y) * (to.y - from.y)).squareRoot(), 1)
            let step = min(gap, length / 3) / length
            let (dx, dy) = ((to.x - from.x) * step, (to.y - from.y) * step)
            return (meets(bar.ends.0) ? (from.x + dx, from.y + dy) : from, meets(bar.ends.1) ? (to.x - dx, to.y - dy) : to)
        }
        image.update(repeating: 0, count: Augmentation.area)
        for (from, to) in strokes { ink.stroke(image, from: from, to: to) }
    }
}
