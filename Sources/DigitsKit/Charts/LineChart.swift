/// Lines with markers, several series, each with an optional error band (mean ± std of a
/// cross-validation sweep), over a numeric (linear or log) or categorical x axis.
public struct LineChart: Sendable {
    public struct Series: Sendable {
        public var name: String
        public var x: [Double]
        public var y: [Double]
        /// Lower and upper edges of a shaded band around the line, one per point.
        public var band: (lower: [Double], upper: [Double])?
        /// Draw a dot at every point (off for long curves such as ROC).
        public var markers: Bool

        public init(name: String, x: [Double], y: [Double], band: (lower: [Double], upper: [Double])? = nil, markers: Bool = true) {
            self.name = name
            self.x = x
            self.y = y
            self.band = band
            self.markers = markers
        }
    }

    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var series: [Series]
    /// Category names for a categorical x axis (series x values are then indices into it).
    public var categories: [String]?
    public var xScale: AxisScale.Kind = .linear
    /// Fixed axis ranges (e.g. 0…1 for rates); otherwise the data's range, widened to nice ticks.
    public var xDomain: ClosedRange<Double>?
    public var yDomain: ClosedRange<Double>?
    /// A dashed reference line, such as ROC's chance diagonal.
    public var reference: [(Double, Double)]?
    public var width: Double = 580
    public var height: Double = 380

    public init(title: String, xLabel: String, yLabel: String, series: [Series], categories: [String]? = nil) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
        self.categories = categories
    }

    public func svg() -> String {
        var yValues = series.flatMap { $0.y + ($0.band?.lower ?? []) + ($0.band?.upper ?? []) }
        if let yDomain { yValues = [yDomain.lowerBound, yDomain.upperBound] }
        let xAxis: PlotFrame.XAxis
        if let categories {
            xAxis = .categories(categories)
        } else {
            let xValues = xDomain.map { [$0.lowerBound, $0.upperBound] } ?? series.flatMap(\.x)
            xAxis = .numeric(AxisScale(covering: xValues, kind: xScale))
        }
        let names = series.count > 1 ? series.map(\.name) : []
        let frame = PlotFrame(width: width, height: height, x: xAxis, y: AxisScale(covering: yValues),
                              legendWidth: PlotFrame.legendWidth(names))
        var svg = SVG(width: width, height: height)
        frame.draw(into: &svg, title: title, xLabel: xLabel, yLabel: yLabel)
        if let reference {
            let points = reference.map { (frame.px($0.0), frame.py($0.1)) }
            svg.add("<g stroke-dasharray=\"5 4\">")
            svg.path(points, stroke: "currentColor", width: 1, opacity: 0.5)
            svg.add("</g>")
        }
        for (index, line) in series.enumerated() {
            let color = ChartPalette.series(index)
            if let band = line.band {
                let upper = zip(line.x, band.upper).map { (frame.px($0), frame.py($1)) }
                let lower = zip(line.x, band.lower).map { (frame.px($0), frame.py($1)) }.reversed()
                svg.path(upper + lower, stroke: "none", fill: color, width: 0, opacity: 0.2, closed: true)
            }
            let points = zip(line.x, line.y).map { (frame.px($0), frame.py($1)) }
            svg.path(points, stroke: color)
            if line.markers {
                for (x, y) in points {
                    svg.add("<circle cx=\"\(SVG.number(x))\" cy=\"\(SVG.number(y))\" r=\"3.5\" fill=\"\(color)\"/>")
                }
            }
        }
        frame.drawLegend(into: &svg, entries: names.enumerated().map { ($1, ChartPalette.series($0)) })
        return svg.render(title: title)
    }
}
