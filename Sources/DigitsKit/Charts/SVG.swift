import Foundation

/// SVG charts rendered in Swift, shared by the command line (`digits tune --out`, `explore`,
/// `evaluate --charts`, `report`) and the web app.
///
/// **Themes.** Every chart draws its text, axes and grid in `currentColor` and leaves the
/// background transparent. The root element carries `color="#1f2328"` as a presentation
/// attribute, which any page CSS overrides (`svg.digits-chart { color: var(--fg) }`), so an
/// inline chart follows the page's light or dark theme while a standalone file still reads on
/// white. Data colours come from `ChartPalette` (Paul Tol's colour-blind-safe "muted" scheme for
/// classes, viridis for heat maps), which keep their contrast on both light and dark pages.
///
/// **Determinism.** The same input gives the same bytes: numbers are written with a fixed
/// number of decimals (`SVG.number`), and nothing iterates a dictionary or a set, so tests can
/// compare charts byte for byte.
///
/// **PNG.** Where a PNG is wanted, convert with librsvg (`apt-get install -y librsvg2-bin`):
/// `rsvg-convert -b white chart.svg -o chart.png` (`-b '#0d1117'` for a dark one). It renders
/// the same SVG the browser does, data-URI images included; headless Chromium is only needed
/// for whole HTML reports (`chromium --headless --screenshot`).
public struct SVG: Sendable {
    public let width: Double
    public let height: Double
    private var body: [String] = []

    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// Appends raw markup (already escaped).
    public mutating func add(_ markup: String) {
        body.append(markup)
    }

    public mutating func text(_ content: String, x: Double, y: Double, anchor: String = "start", size: Double = 12,
                              weight: String? = nil, rotate: Bool = false, fill: String = "currentColor") {
        var attributes = "x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" font-size=\"\(Self.number(size))\" text-anchor=\"\(anchor)\" fill=\"\(fill)\""
        if let weight { attributes += " font-weight=\"\(weight)\"" }
        if rotate { attributes += " transform=\"rotate(-90 \(Self.number(x)) \(Self.number(y)))\"" }
        add("<text \(attributes)>\(Self.escape(content))</text>")
    }

    public mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String = "currentColor",
                              width: Double = 1, opacity: Double = 1) {
        let fade = opacity < 1 ? " stroke-opacity=\"\(Self.number(opacity))\"" : ""
        add("<line x1=\"\(Self.number(x1))\" y1=\"\(Self.number(y1))\" x2=\"\(Self.number(x2))\" y2=\"\(Self.number(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(Self.number(width))\"\(fade)/>")
    }

    public mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, extra: String = "") {
        add("<rect x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(width))\" height=\"\(Self.number(height))\" fill=\"\(fill)\"\(extra.isEmpty ? "" : " " + extra)/>")
    }

    /// A polyline (or, with `closed`, a filled polygon) through `points`.
    public mutating func path(_ points: [(Double, Double)], stroke: String, fill: String = "none", width: Double = 2,
                              opacity: Double = 1, closed: Bool = false) {
        guard let first = points.first else { return }
        var d = "M\(Self.number(first.0)) \(Self.number(first.1))"
        for point in points.dropFirst() { d += "L\(Self.number(point.0)) \(Self.number(point.1))" }
        if closed { d += "Z" }
        let fade = opacity < 1 ? " opacity=\"\(Self.number(opacity))\"" : ""
        add("<path d=\"\(d)\" fill=\"\(fill)\" stroke=\"\(stroke)\" stroke-width=\"\(Self.number(width))\" stroke-linejoin=\"round\"\(fade)/>")
    }

    /// The finished document. `title` becomes the accessible name.
    public func render(title: String) -> String {
        let w = Self.number(width), h = Self.number(height)
        return """
        <svg xmlns="http://www.w3.org/2000/svg" class="digits-chart" viewBox="0 0 \(w) \(h)" width="\(w)" height="\(h)" \
        color="#1f2328" font-family="system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif" role="img">
        <title>\(Self.escape(title))</title>
        \(body.joined(separator: "\n"))
        </svg>
        """
    }

    /// At most two decimals, trailing zeros dropped: "12", "12.5", "0.33", "-3".
    public static func number(_ x: Double) -> String {
        guard x.isFinite else { return "0" }
        let rounded = (x * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        var text = String(format: "%.2f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    public static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
