import Foundation

/// Digits built from pen strokes, in the styles real writers use and MNIST has few of: crossed
/// sevens, a 7 with a serif, ones with a long flag and a base, seven-segment-like fours, open
/// and closed fours, nines with a straight or a curved tail. Every control point, arc centre,
/// radius and end angle is jittered, so no two samples are the same.
enum StrokeGlyphs {
    typealias Point = (x: Float, y: Float)
    typealias Stroke = [Point]

    /// The strokes of `digit` in the unit square (x right, y down), slanted and narrowed at random.
    static func strokes(for digit: Int, rng: inout SplitMix64) -> [Stroke] {
        var random = Jitter(rng: rng.split())
        let raw = template(digit, style: Int(rng.next() % 3), &random)
        let slant = random.uniform(-0.25, 0.25), narrowing = random.uniform(0.7, 1.0)
        return raw.map { stroke in
            stroke.map { p in (x: 0.5 + (p.x - 0.5) * narrowing + slant * (0.5 - p.y), y: p.y) }
        }
    }

    /// Uniform draws and jittered shapes from one seeded stream.
    struct Jitter {
        var rng: SplitMix64

        mutating func uniform(_ low: Float, _ high: Float) -> Float { rng.uniform(low, high) }

        /// A point moved by up to ±`amount` on each axis.
        mutating func point(_ x: Float, _ y: Float, _ amount: Float = 0.04) -> Point {
            (x: x + uniform(-amount, amount), y: y + uniform(-amount, amount))
        }

        mutating func line(_ points: (Float, Float)...) -> Stroke { points.map { point($0.0, $0.1) } }

        /// An elliptic arc from `from` to `to` degrees (0 right, 90 down), its centre, radii and
        /// ends jittered.
        mutating func arc(_ cx: Float, _ cy: Float, _ rx: Float, _ ry: Float, _ from: Float, _ to: Float) -> Stroke {
            let c = point(cx, cy, 0.03)
            let (a, b) = (rx * uniform(0.88, 1.12), ry * uniform(0.88, 1.12))
            let start = from + uniform(-12, 12), end = to + uniform(-12, 12)
            let steps = max(8, Int(abs(end - start) / 10))
            return (0...steps).map { k in
                let angle = (start + (end - start) * Float(k) / Float(steps)) * .pi / 180
                return (x: c.x + a * cos(angle), y: c.y + b * sin(angle))
            }
        }
    }

    // The shapes are written out once each; the jitter makes them many.
    private static func template(_ digit: Int, style: Int, _ j: inout Jitter) -> [Stroke] {
        switch digit {
        case 0:
            return [j.arc(0.5, 0.5, 0.32, 0.45, -90, style == 0 ? 270 : 285)]
        case 1:
            switch style {
            case 0: return [j.line((0.5, 0.05), (0.5, 0.95))]
            case 1: return [j.line((0.22, 0.32), (0.55, 0.05), (0.55, 0.95))]  // the long flag
            default: return [j.line((0.3, 0.25), (0.55, 0.05), (0.55, 0.95)), j.line((0.3, 0.95), (0.8, 0.95))]
            }
        case 2:
            let bottom = style == 2 ? j.line((0.2, 0.9), (0.15, 0.95), (0.9, 0.93)) : j.line((0.15, 0.95), (0.9, 0.95))
            return [j.arc(0.5, 0.3, 0.3, 0.25, 200, 380) + [j.point(0.18, 0.9)], bottom]
        case 3:
            return [j.arc(0.48, 0.28, 0.3, 0.22, 200, 450) + j.arc(0.48, 0.72, 0.34, 0.24, 270, 520)]
        case 4:
            switch style {
            case 0: return [j.line((0.6, 0.05), (0.12, 0.65), (0.9, 0.65)), j.line((0.65, 0.3), (0.65, 0.97))]
            case 1: return [j.line((0.2, 0.05), (0.2, 0.55), (0.85, 0.55)), j.line((0.75, 0.05), (0.75, 0.97))]  // seven-segment
            default: return [j.line((0.7, 0.97), (0.7, 0.05), (0.12, 0.65), (0.9, 0.65))]  // closed, one stroke
            }
        case 5:
            return [j.line((0.8, 0.07), (0.3, 0.07)), j.line((0.3, 0.07), (0.27, 0.45)) + j.arc(0.5, 0.67, 0.32, 0.27, 235, 500)]
        case 6:
            return [j.line((0.72, 0.05), (0.45, 0.25), (0.28, 0.5), (0.22, 0.72)) + j.arc(0.5, 0.72, 0.28, 0.23, 180, 540)]
        case 7:
            let main = style == 2 ? j.line((0.12, 0.22), (0.12, 0.08), (0.88, 0.08), (0.4, 0.95)) : j.line((0.12, 0.08), (0.88, 0.08), (0.4, 0.95))
            return style == 1 ? [main, j.line((0.35, 0.5), (0.82, 0.5))] : [main]  // the crossed seven
        case 8:
            return style == 0
                ? [j.arc(0.5, 0.28, 0.25, 0.22, 90, 450), j.arc(0.5, 0.72, 0.3, 0.24, 270, 630)]
                : [j.arc(0.5, 0.28, 0.25, 0.22, 90, 360) + j.arc(0.5, 0.72, 0.3, 0.24, 270 - 360, 180) + j.arc(0.5, 0.28, 0.25, 0.22, 180, 90)]
        default:
            let loop = j.arc(0.5, 0.3, 0.3, 0.24, 0, 360)
            return style == 1 ? [loop, j.line((0.8, 0.3), (0.72, 0.75), (0.45, 0.95))] : [loop, j.line((0.8, 0.3), (0.75, 0.95))]
        }
    }
}
