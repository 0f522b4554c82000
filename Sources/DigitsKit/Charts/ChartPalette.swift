/// Colours that stay distinguishable for colour-blind readers and on light and dark pages.
public enum ChartPalette {
    /// One colour per digit: Paul Tol's "muted" scheme (nine colours) plus its pale grey,
    /// ordered so neighbouring digits differ in lightness as well as hue.
    public static let classes = [
        "#CC6677", "#332288", "#DDCC77", "#117733", "#88CCEE",
        "#882255", "#44AA99", "#999933", "#AA4499", "#9E9E9E",
    ]

    public static func series(_ index: Int) -> String {
        classes[((index % classes.count) + classes.count) % classes.count]
    }

    /// Viridis at nine evenly spaced stops (perceptually uniform, colour-blind safe).
    private static let viridis: [(Double, Double, Double)] = [
        (68, 1, 84), (71, 44, 122), (59, 81, 139), (44, 113, 142), (33, 144, 141),
        (39, 173, 129), (92, 200, 99), (170, 220, 50), (253, 231, 37),
    ]

    /// The viridis colour at `t` in [0, 1] (clamped), as "#rrggbb".
    public static func sequential(_ t: Double) -> String {
        let (r, g, b) = sequentialRGB(t)
        return hex(r, g, b)
    }

    /// Black or white, whichever reads better on `sequential(t)`.
    public static func textOnSequential(_ t: Double) -> String {
        let (r, g, b) = sequentialRGB(t)
        let luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
        return luminance > 140 ? "#000000" : "#ffffff"
    }

    private static func sequentialRGB(_ t: Double) -> (Double, Double, Double) {
        let clamped = t.isFinite ? min(max(t, 0), 1) : 0
        let position = clamped * Double(viridis.count - 1)
        let low = min(Int(position), viridis.count - 2)
        let f = position - Double(low)
        let a = viridis[low], b = viridis[low + 1]
        return (a.0 + (b.0 - a.0) * f, a.1 + (b.1 - a.1) * f, a.2 + (b.2 - a.2) * f)
    }

    private static func hex(_ r: Double, _ g: Double, _ b: Double) -> String {
        let bytes = [r, g, b].map { UInt8(min(max($0.rounded(), 0), 255)) }
        return "#" + bytes.map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }
}
