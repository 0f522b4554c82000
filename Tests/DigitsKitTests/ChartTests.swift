import Foundation
import Testing
@testable import DigitsKit

@Suite struct ChartTests {
    @Test func niceTicksCoverTheData() {
        let scale = AxisScale(covering: [0.913, 0.978])
        #expect(scale.ticks.first! <= 0.913 && scale.ticks.last! >= 0.978)
        #expect(scale.ticks == [0.9, 0.92, 0.94, 0.96, 0.98])
        #expect(AxisScale(covering: [3, 5923], includeZero: true).ticks == [0, 2000, 4000, 6000])
        #expect(AxisScale(covering: [0.01, 30], kind: .log).ticks == [0.01, 0.1, 1, 10, 100])
        #expect(AxisScale(covering: [5, 5]).ticks.count >= 2)
    }

    @Test func numbersAreWrittenWithFixedPrecision() {
        #expect(SVG.number(12) == "12")
        #expect(SVG.number(12.345) == "12.35")
        #expect(SVG.number(-0.001) == "0")
        #expect(SVG.number(.nan) == "0")
        #expect(SVG.escape("a<b & \"c\"") == "a&lt;b &amp; &quot;c&quot;")
    }

    @Test func chartsAreDeterministicAndThemeable() {
        func render() -> [String] {
            var line = LineChart(title: "k", xLabel: "k", yLabel: "accuracy",
                                 series: [.init(name: "cv", x: [1, 3, 5], y: [0.9, 0.95, 0.94], band: (lower: [0.88, 0.94, 0.93], upper: [0.92, 0.96, 0.95]))])
            line.xScale = .linear
            return [
                line.svg(),
                BarChart(title: "counts", xLabel: "digit", yLabel: "n", categories: ["0", "1"], values: [5, 7]).svg(),
                HeatMap(title: "cm", xLabel: "p", yLabel: "t", values: [[5, 1], [0, 7]], rowLabels: ["0", "1"], columnLabels: ["0", "1"]).svg(),
                ScatterChart(title: "s", xLabel: "x", yLabel: "y", x: [0, 1, 2], y: [2, 1, 0], classes: [0, 1, 2]).svg(),
                ImageGrid(title: "g", cells: [.init(pixels: [UInt8](repeating: 128, count: 784), caption: "7")], columns: 1).svg(),
            ]
        }
        let first = render(), second = render()
        #expect(first == second)
        for svg in first {
            #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"digits-chart\""))
            #expect(svg.contains("fill=\"currentColor\""))
            #expect(!svg.contains("nan") && !svg.contains("inf"))
        }
        #expect(first[2].contains(">7</text>") && first[2].contains(">5</text>"))
    }

    @Test func heatMapTextContrastsWithItsCell() {
        #expect(ChartPalette.textOnSequential(0) == "#ffffff")
        #expect(ChartPalette.textOnSequential(1) == "#000000")
        #expect(ChartPalette.sequential(0) == "#440154" && ChartPalette.sequential(1) == "#fde725")
    }

    @Test func pngHasAValidSignatureAndChecksums() {
        let png = [UInt8](PNGEncoder.grey([UInt8](repeating: 200, count: 4), width: 2, height: 2))
        #expect(Array(png[0..<8]) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(String(decoding: png[12..<16], as: UTF8.self) == "IHDR")
        // IEND's CRC is the same in every PNG.
        #expect(Array(png.suffix(4)) == [0xAE, 0x42, 0x60, 0x82])
    }
}
