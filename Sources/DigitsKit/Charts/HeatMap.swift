/// A grid of coloured cells with optional numbers in them: confusion matrices (counts or
/// row-normalised), two-parameter sweeps, per-pixel variance.
public struct HeatMap: Sendable {
    public var title: String
    public var xLabel: String
    public var yLabel: String
    /// `values[row][column]`.
    public var values: [[Double]]
    public var rowLabels: [String]
    public var columnLabels: [String]
    /// The number written in each cell; `nil` leaves the cells bare (large maps).
    public var annotation: (@Sendable (Double) -> String)?
    /// Fixes the colour scale (e.g. 0…1 for row-normalised confusion); otherwise min…max.
    public var domain: ClosedRange<Double>?
    public var cellSize: Double = 40

    public init(title: String, xLabel: String, yLabel: String, values: [[Double]], rowLabels: [String], columnLabels: [String],
                annotation: (@Sendable (Double) -> String)? = { AxisScale.plain($0) }) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.values = values
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.annotation = annotation
    }

    public func svg() -> String {
        let rows = values.count
        let columns = values.map(\.count).max() ?? 0
        let flat = values.joined().filter(\.isFinite)
        let low = domain?.lowerBound ?? flat.min() ?? 0
        let high = domain?.upperBound ?? flat.max() ?? 1
        let span = high > low ? high - low : 1
        let showRowLabels = cellSize >= 10, showColumnLabels = cellSize >= 10
        let rowLabelWidth = showRowLabels ? Double(rowLabels.map(\.count).max() ?? 1) * 7 + 10 : 0
        let left = 30 + rowLabelWidth
        let top = 40.0
        let gridWidth = Double(columns) * cellSize, gridHeight = Double(rows) * cellSize
        let barX = left + gridWidth + 18
        let width = max(barX + 70, Double(title.count) * 8.5 + 20)
        let height = top + gridHeight + (showColumnLabels ? 48 : 30)
        var svg = SVG(width: width, height: height)
        svg.text(title, x: width / 2, y: 22, anchor: "middle", size: 15, weight: "600")
        // A title wider than the grid centres the grid under it.
        svg.add("<g transform=\"translate(\(SVG.number((width - barX - 70) / 2)) 0)\">")
        for (r, row) in values.enumerated() {
            for (c, value) in row.enumerated() {
                let t = (value - low) / span
                let x = left + Double(c) * cellSize, y = top + Double(r) * cellSize
                guard value.isFinite else {
                    // A combination that was not tried: an empty, outlined cell, not a low score.
                    svg.rect(x: x + 0.5, y: y + 0.5, width: cellSize - 1, height: cellSize - 1, fill: "none",
                             extra: "stroke=\"currentColor\" stroke-opacity=\"0.3\"")
                    continue
                }
                svg.rect(x: x, y: y, width: cellSize, height: cellSize, fill: ChartPalette.sequential(t))
                if let annotation, cellSize >= 18 {
                    let text = annotation(value)
                    let size = min(12, cellSize * 1.6 / Double(max(text.count, 2)))
                    svg.text(text, x: x + cellSize / 2, y: y + cellSize / 2 + size * 0.35, anchor: "middle", size: size,
                             fill: ChartPalette.textOnSequential(t))
                }
            }
        }
        // Small cells (a 28×28 pixel map) label every few rows and columns so labels never collide.
        let every = cellSize < 16 ? Int((16 / cellSize).rounded(.up)) * 2 : 1
        if showRowLabels {
            for (r, label) in rowLabels.enumerated() where r % every == 0 {
                svg.text(label, x: left - 6, y: top + (Double(r) + 0.5) * cellSize + 4, anchor: "end", size: 11)
            }
        }
        if showColumnLabels {
            for (c, label) in columnLabels.enumerated() where c % every == 0 {
                svg.text(label, x: left + (Double(c) + 0.5) * cellSize, y: top + gridHeight + 16, anchor: "middle", size: 11)
            }
        }
        svg.text(xLabel, x: left + gridWidth / 2, y: height - 8, anchor: "middle", size: 12)
        svg.text(yLabel, x: 14, y: top + gridHeight / 2, anchor: "middle", size: 12, rotate: true)
        drawColorBar(into: &svg, x: barX, top: top, height: gridHeight, low: low, high: high)
        svg.add("</g>")
        return svg.render(title: title)
    }

    /// The colour scale beside the grid, labelled at its ends and middle.
    private func drawColorBar(into svg: inout SVG, x: Double, top: Double, height: Double, low: Double, high: Double) {
        let steps = 32
        for step in 0..<steps {
            let t = 1 - Double(step) / Double(steps - 1)
            svg.rect(x: x, y: top + height * Double(step) / Double(steps), width: 12, height: height / Double(steps) + 0.5,
                     fill: ChartPalette.sequential(t))
        }
        for (fraction, value) in [(0.0, high), (0.5, (low + high) / 2), (1.0, low)] {
            svg.text(Self.compact(value), x: x + 16, y: top + height * fraction + 4, size: 10)
        }
    }

    static func compact(_ value: Double) -> String {
        abs(value) >= 100 || value == value.rounded() ? AxisScale.plain(value.rounded()) : String(format: "%.3g", value)
    }
}
