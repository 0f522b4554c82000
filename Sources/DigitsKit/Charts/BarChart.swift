/// Vertical bars, one per category, with the value written above each (class distributions,
/// model leaderboards).
public struct BarChart: Sendable {
    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var categories: [String]
    public var values: [Double]
    /// One colour per bar; `nil` gives every bar the first palette colour.
    public var colors: [String]?
    /// How the value above each bar is written.
    public var valueFormat: @Sendable (Double) -> String = { AxisScale.plain($0) }
    /// Start the value axis at zero (counts); off for close scores such as accuracies.
    public var includeZero = true
    public var width: Double = 640
    public var height: Double = 360

    public init(title: String, xLabel: String, yLabel: String, categories: [String], values: [Double], colors: [String]? = nil) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.categories = categories
        self.values = values
        self.colors = colors
    }

    public func svg() -> String {
        let scale = AxisScale(covering: values, includeZero: includeZero)
        let frame = PlotFrame(width: width, height: height, x: .categories(categories), y: scale)
        var svg = SVG(width: width, height: height)
        frame.draw(into: &svg, title: title, xLabel: xLabel, yLabel: yLabel)
        let barWidth = frame.categorySlot * 0.7
        let base = frame.py(max(scale.lower, 0))
        for (index, value) in values.enumerated() {
            let center = frame.px(Double(index))
            let top = frame.py(value)
            let color = colors.map { $0[index % $0.count] } ?? ChartPalette.series(0)
            svg.rect(x: center - barWidth / 2, y: min(top, base), width: barWidth, height: abs(base - top), fill: color)
            if barWidth >= 18 {
                svg.text(valueFormat(value), x: center, y: min(top, base) - 4, anchor: "middle", size: 10)
            }
        }
        return svg.render(title: title)
    }
}
