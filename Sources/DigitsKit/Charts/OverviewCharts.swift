/// The data-exploration charts (`digits explore`, the report's overview, the web app's Explore page).
public enum OverviewCharts {
    public static func classDistribution(_ overview: DataOverview, setName: String) -> String {
        BarChart(title: "Images per digit (\(setName), \(overview.classCounts.reduce(0, +)) images)", xLabel: "digit",
                 yLabel: "images", categories: (0..<overview.classCounts.count).map(String.init),
                 values: overview.classCounts.map(Double.init), colors: ChartPalette.classes).svg()
    }

    public static func meanImages(_ overview: DataOverview) -> String {
        var grid = ImageGrid(title: "Mean image of each digit",
                             cells: overview.meanImages.enumerated().map { .init(pixels: $1, caption: "\($0)") }, columns: 10)
        grid.scale = 2.5
        return grid.svg()
    }

    public static func samples(_ overview: DataOverview, data: Dataset) -> String {
        var cells: [ImageGrid.Cell] = []
        for indices in overview.samples {
            cells += indices.map { .init(pixels: Array(data.image($0)), caption: "") }
        }
        var grid = ImageGrid(title: "Random images, one row per digit", cells: cells, columns: overview.samples.map(\.count).max() ?? 1)
        grid.captionHeight = 0
        grid.scale = 1.5
        return grid.svg()
    }

    public static func pixelVariance(_ overview: DataOverview) -> String {
        let side = Dataset.imageSide
        let rows = (0..<side).map { r in Array(overview.pixelVariance[(r * side)..<((r + 1) * side)]) }
        var heat = HeatMap(title: "Variance of each pixel (grey levels²)", xLabel: "column", yLabel: "row", values: rows,
                           rowLabels: (0..<side).map(String.init), columnLabels: (0..<side).map(String.init), annotation: nil)
        heat.cellSize = 12
        return heat.svg()
    }

    public static func embedding(_ points: Matrix, labels: [Int], method: String, score: Double) -> String {
        var chart = ScatterChart(title: "\(method) of \(points.rows) images (5-NN accuracy in 2-D: \(String(format: "%.3f", score)))",
                                 xLabel: "\(method) 1", yLabel: "\(method) 2",
                                 x: (0..<points.rows).map { Double(points[$0, 0]) },
                                 y: (0..<points.rows).map { Double(points[$0, 1]) }, classes: labels)
        chart.pointRadius = points.rows > 5000 ? 1.2 : 2
        return chart.svg()
    }
}
