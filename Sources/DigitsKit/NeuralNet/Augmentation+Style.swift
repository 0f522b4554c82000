import Foundation

/// The handwriting styles MNIST's American writers rarely use, drawn onto its own training
/// digits: a 1 with a long flag from the top of its stroke down to the left (and sometimes a
/// base serif), a 7 crossed at mid-height, and a 0 slashed through. Europeans write the first
/// two so, programmers and Scandinavians the third, and a classifier that never saw them reads
/// the flagged 1 as a 7, the crossed 7 as a 4 and the slashed 0 as an 8. Each stroke takes its
/// thickness and darkness from the digit it is drawn on, so it looks like the writer's pen.
enum HandwritingStyle {
    /// Ink above this counts when measuring a digit.
    static let inkThreshold: Float = 0.5

    /// Whether digit `label` has a style to draw.
    static func applies(to label: Int32) -> Bool { label == 0 || label == 1 || label == 7 }

    /// Draws the style of `label` onto `image` (28×28, [0, 1]); leaves it alone when the digit
    /// is too faint or too small to measure.
    static func restyle(_ image: UnsafeMutablePointer<Float>, label: Int32, random: inout SplitMix64) {
        guard let ink = InkShape(image) else { return }
        switch label {
        case 0: slashZero(image, ink, random: &random)
        case 1: flagOne(image, ink, random: &random)
        case 7: crossSeven(image, ink, random: &random)
        default: break
        }
    }

    /// A straight slash through the middle of the loop, from its lower left to its upper right,
    /// 15–40° from the vertical, its ends from a little inside the loop's top and bottom to a
    /// little beyond them (85–115 % of the height, measured upright).
    private static func slashZero(_ image: UnsafeMutablePointer<Float>, _ ink: InkShape, random: inout SplitMix64) {
        let centre = ((ink.left + ink.right) / 2, (ink.top + ink.bottom) / 2)
        let rise = ink.height / 2 * random.uniform(0.85, 1.15)
        let run = rise * tan(random.uniform(15, 40) * .pi / 180)
        ink.stroke(image, from: (centre.0 - run, centre.1 + rise), to: (centre.0 + run, centre.1 - rise))
    }

    /// A straight flag from the top end of the stroke, 25–45 % of the digit's height long and
    /// 30–60° below the horizontal, to the left; one 1 in three also gets a base serif.
    private static func flagOne(_ image: UnsafeMutablePointer<Float>, _ ink: InkShape, random: inout SplitMix64) {
        let length = ink.height * random.uniform(0.25, 0.45)
        let angle = random.uniform(30, 60) * .pi / 180
        let start = ink.topEnd
        let end = (start.x - length * cos(angle), start.y + length * sin(angle))
        let serif = random.nextUnitFloat() < 1.0 / 3
        let serifWidth = ink.height * random.uniform(0.3, 0.45)
        ink.stroke(image, from: start, to: end)
        if serif {
            let foot = ink.bottomEnd
            ink.stroke(image, from: (foot.x - serifWidth / 2, foot.y), to: (foot.x + serifWidth / 2, foot.y))
        }
    }

    /// A crossbar through the stem at 50–60 % of the height, 40–60 % of the digit's width,
    /// centred on the stem and tilted by up to ±6°.
    private static func crossSeven(_ image: UnsafeMutablePointer<Float>, _ ink: InkShape, random: inout SplitMix64) {
        let y = ink.top + ink.height * random.uniform(0.5, 0.6)
        let width = ink.width * random.uniform(0.4, 0.6)
        let tilt = random.uniform(-6, 6) * .pi / 180
        guard let stem = ink.centre(ofRow: Int(y.rounded())) else { return }
        let (dx, dy) = (width / 2 * cos(tilt), width / 2 * sin(tilt))
        ink.stroke(image, from: (stem - dx, y - dy), to: (stem + dx, y + dy))
    }
}
