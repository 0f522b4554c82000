/// The frame shared by bar, line and scatter charts: title, plot area, grid, ticks, axis
/// labels and legend, so every chart lays these out the same way.
struct PlotFrame {
    /// What runs along the horizontal axis.
    enum XAxis {
        case numeric(AxisScale)
        /// Evenly spaced named slots (bars, or a line over category values).
        case categories([String])
    }

    let width: Double
    let height: Double
    let left: Double
    let right: Double
    let top: Double
    let bottom: Double
    let x: XAxis
    let y: AxisScale

    init(width: Double, height: Double, x: XAxis, y: AxisScale, legendWidth: Double = 0) {
        self.width = width
        self.height = height
        self.x = x
        self.y = y
        let longestY = y.ticks.map { y.label($0).count }.max() ?? 1
        left = 34 + Double(longestY) * 7
        right = width - 16 - legendWidth
        top = 40
        bottom = height - 50
    }

    func px(_ value: Double) -> Double {
        switch x {
        case let .numeric(scale): return scale.position(value, from: left, to: right)
        case let .categories(names):
            let slot = (right - left) / Double(max(names.count, 1))
            return left + slot * (value + 0.5)
        }
    }

    func py(_ value: Double) -> Double {
        y.position(value, from: bottom, to: top)
    }

    var categorySlot: Double {
        if case let .categories(names) = x { return (right - left) / Double(max(names.count, 1)) }
        return 0
    }

    /// Grid, axes, ticks, title and axis labels.
    func draw(into svg: inout SVG, title: String, xLabel: String, yLabel: String) {
        svg.text(title, x: width / 2, y: 22, anchor: "middle", size: 15, weight: "600")
        for tick in y.ticks {
            let yy = py(tick)
            svg.line(left, yy, right, yy, width: 1, opacity: 0.15)
            svg.text(y.label(tick), x: left - 6, y: yy + 4, anchor: "end", size: 11)
        }
        switch x {
        case let .numeric(scale):
            for tick in scale.ticks {
                let xx = px(tick)
                svg.line(xx, top, xx, bottom, width: 1, opacity: 0.08)
                svg.line(xx, bottom, xx, bottom + 4)
                svg.text(scale.label(tick), x: xx, y: bottom + 17, anchor: "middle", size: 11)
            }
        case let .categories(names):
            // Thin out labels when they would collide.
            let every = max(1, Int((Double(names.map(\.count).max() ?? 1) * 7 + 6) / max(categorySlot, 1)) + 1)
            for (index, name) in names.enumerated() where index % every == 0 {
                svg.text(name, x: px(Double(index)), y: bottom + 17, anchor: "middle", size: 11)
            }
        }
        svg.line(left, bottom, right, bottom)
        svg.line(left, top, left, bottom)
        svg.text(xLabel, x: (left + right) / 2, y: height - 12, anchor: "middle", size: 12)
        svg.text(yLabel, x: 14, y: (top + bottom) / 2, anchor: "middle", size: 12, rotate: true)
    }

    /// A legend to the right of the plot: a swatch and a name per entry.
    func drawLegend(into svg: inout SVG, entries: [(name: String, color: String)]) {
        let x0 = right + 14
        for (index, entry) in entries.enumerated() {
            let y0 = top + 4 + Double(index) * 18
            svg.rect(x: x0, y: y0, width: 12, height: 12, fill: entry.color, extra: "rx=\"2\"")
            svg.text(entry.name, x: x0 + 18, y: y0 + 10, size: 11)
        }
    }

    /// Room a legend with these names needs.
    static func legendWidth(_ names: [String]) -> Double {
        names.isEmpty ? 0 : 34 + Double(names.map(\.count).max() ?? 0) * 6.5
    }
}
