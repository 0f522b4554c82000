/// Points in 2-D coloured by digit, with a legend: embeddings (PCA, t-SNE) of the images.
public struct ScatterChart: Sendable {
    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var x: [Double]
    public var y: [Double]
    /// The digit (palette index) of each point.
    public var classes: [Int]
    public var classNames: [String] = (0..<10).map(String.init)
    public var pointRadius: Double = 2
    public var width: Double = 580
    public var height: Double = 520

    public init(title: String, xLabel: String, yLabel: String, x: [Double], y: [Double], classes: [Int]) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.x = x
        self.y = y
        self.classes = classes
    }

    public func svg() -> String {
        let frame = PlotFrame(width: width, height: height, x: .numeric(AxisScale(covering: x)), y: AxisScale(covering: y),
                              legendWidth: PlotFrame.legendWidth(classNames))
        var svg = SVG(width: width, height: height)
        frame.draw(into: &svg, title: title, xLabel: xLabel, yLabel: yLabel)
        // One group per class, so the colour is written once per class and not per point.
        let count = min(x.count, y.count, classes.count)
        for (c, _) in classNames.enumerated() {
            svg.add("<g fill=\"\(ChartPalette.series(c))\" fill-opacity=\"0.75\">")
            for i in 0..<count where classes[i] == c {
                svg.add("<circle cx=\"\(SVG.number(frame.px(x[i])))\" cy=\"\(SVG.number(frame.py(y[i])))\" r=\"\(SVG.number(pointRadius))\"/>")
            }
            svg.add("</g>")
        }
        frame.drawLegend(into: &svg, entries: classNames.enumerated().map { ($1, ChartPalette.series($0)) })
        return svg.render(title: title)
    }
}
