/// Small grey images in a grid with a caption under each: mean digits, random samples, the
/// worst misclassifications. Each image is an embedded PNG scaled up without smoothing.
public struct ImageGrid: Sendable {
    public struct Cell: Sendable {
        /// `side × side` grey levels, row by row (0 black … 255 white, MNIST's white ink).
        public var pixels: [UInt8]
        public var caption: String

        public init(pixels: [UInt8], caption: String) {
            self.pixels = pixels
            self.caption = caption
        }
    }

    public var title: String
    public var cells: [Cell]
    public var columns: Int
    public var side: Int = 28
    /// Screen pixels per image pixel.
    public var scale: Double = 2
    /// Room under each image for its caption (0 for none).
    public var captionHeight: Double = 16

    public init(title: String, cells: [Cell], columns: Int) {
        self.title = title
        self.cells = cells
        self.columns = max(columns, 1)
    }

    public func svg() -> String {
        let tile = Double(side) * scale
        let gap = 6.0
        let rows = (cells.count + columns - 1) / columns
        let longestCaption = Double(cells.map(\.caption.count).max() ?? 0) * 6
        let cellWidth = max(tile, longestCaption) + gap
        let cellHeight = tile + captionHeight + gap
        let width = max(Double(columns) * cellWidth + 20, Double(title.count) * 8.5 + 20)
        let height = 40 + Double(rows) * cellHeight
        var svg = SVG(width: width, height: height)
        svg.text(title, x: width / 2, y: 22, anchor: "middle", size: 15, weight: "600")
        for (index, cell) in cells.enumerated() {
            let x = 10 + Double(index % columns) * cellWidth + (cellWidth - gap - tile) / 2
            let y = 36 + Double(index / columns) * cellHeight
            let png = PNGEncoder.grey(cell.pixels, width: side, height: side)
            svg.add("<image x=\"\(SVG.number(x))\" y=\"\(SVG.number(y))\" width=\"\(SVG.number(tile))\" height=\"\(SVG.number(tile))\" "
                    + "image-rendering=\"pixelated\" style=\"image-rendering:pixelated\" href=\"data:image/png;base64,\(png.base64EncodedString())\"/>")
            if captionHeight > 0 {
                svg.text(cell.caption, x: x + tile / 2, y: y + tile + 12, anchor: "middle", size: 10)
            }
        }
        return svg.render(title: title)
    }
}
