import Foundation

extension HyperparameterSearch {
    /// A line (with a ±1 std band under cross-validation) for a one-parameter grid, a heat map
    /// for two, and the ranked combinations as bars for more.
    public func chart() -> String {
        let title = "\(kind.rawValue): accuracy by hyper-parameter (\(method.description))"
        let axes = grid.axes.filter { axis in trials.contains { $0.value(of: axis.name) != nil } }
        if axes.count == 1, let axis = axes.first {
            let tried = axis.values.filter { value in trials.contains { $0.value(of: axis.name) == value } }
            let rows = tried.compactMap { value in trials.first { $0.value(of: axis.name) == value } }
            let numbers = tried.compactMap(Double.init)
            let numeric = numbers.count == tried.count
            let x = numeric ? numbers : tried.indices.map(Double.init)
            let band = (lower: rows.map { $0.meanScore - $0.standardDeviation }, upper: rows.map { $0.meanScore + $0.standardDeviation })
            var chart = LineChart(title: title, xLabel: axis.name, yLabel: "accuracy",
                                  series: [.init(name: "accuracy", x: x, y: rows.map(\.meanScore), band: isValidation ? nil : band)],
                                  categories: numeric ? nil : tried)
            if numeric, let low = numbers.min(), let high = numbers.max(), low > 0, high / low >= 100 { chart.xScale = .log }
            return chart.svg()
        }
        if axes.count == 2 {
            let rowsAxis = axes[0], columnsAxis = axes[1]
            let values = rowsAxis.values.map { r in
                columnsAxis.values.map { c in
                    trials.first { $0.value(of: rowsAxis.name) == r && $0.value(of: columnsAxis.name) == c }?.meanScore ?? .nan
                }
            }
            var heat = HeatMap(title: title, xLabel: columnsAxis.name, yLabel: rowsAxis.name, values: values,
                               rowLabels: rowsAxis.values, columnLabels: columnsAxis.values,
                               annotation: { String(format: "%.3f", $0) })
            heat.cellSize = max(44, Double(columnsAxis.values.map(\.count).max() ?? 1) * 7 + 8)
            return heat.svg()
        }
        let top = Array(ranked.prefix(20))
        var bars = BarChart(title: title, xLabel: "combination (best first)", yLabel: "accuracy",
                            categories: top.indices.map { "#\($0 + 1)" }, values: top.map(\.meanScore))
        bars.includeZero = false
        bars.valueFormat = { String(format: "%.3f", $0) }
        return bars.svg()
    }

    private var isValidation: Bool {
        if case .validation = method { return true }
        return false
    }
}
