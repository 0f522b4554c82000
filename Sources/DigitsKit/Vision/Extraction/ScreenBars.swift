/// The bars of a screenshot: a phone's status bar and app bar along the top, a toolbar along the
/// bottom, each a band of one flat colour across the whole screen, set off from the canvas by a
/// straight edge. What they hold (the time, the battery's percentage, the app's title, its
/// colour buttons) is the screen's, not the writer's: read in the default mode, a screenshot
/// of a 6 drawn in a phone's app came back as "10284720\n602470\n6\n9"
/// (`phone-screenshots.py`: 0-12 % of them read right). In one-digit mode the rows of marks
/// were already set aside (`DigitGroup.apartFromRows`); these bars are set aside in both.
///
/// A band is found by its rows' grey levels: a screen's bar holds its level, row after row,
/// over a good part of every row (`barShare`: its marks cover the rest), then steps, within
/// `blendRows`, to the canvas's, the median of nearly every row between the bars (a digit drawn
/// on it covers under half of any row). A photo's rows drift with the light and the grain from
/// one to the next; a sheet scanned flat has no band that steps to another level.
struct ScreenBars {
    /// The rows above `top`, and from `bottom` on, are the screen's bars.
    let top: Int, bottom: Int

    /// How far (in 256 grey levels) a row's median may stray from its band's: a screenshot saved
    /// as JPEG.
    static let tolerance = 1
    /// How far the canvas's level lies from a bar's at least: a dark theme's bars measured 14
    /// levels above its canvas, a light theme's 6-17 below it (`phone-screenshots.py`).
    static let leastStep = 3
    /// How much of a bar's row is at its level at least: its marks may cover most of a row (a
    /// toolbar's six colour buttons took over half of the rows through their middles, whose
    /// median was then a button's).
    static let barShare: Float = 0.25
    /// The rows an edge may take to step from bar to canvas, blended by the resampling.
    static let blendRows = 2
    /// How tall a band is at least and at most, as a share of the picture: a phone's status and
    /// app bars take 7.5-11 % of the screen, its toolbar 7-10 %; a band as tall as a fifth of
    /// it is the canvas itself.
    static let barHeight: ClosedRange<Float> = 0.01...0.2
    /// The share of the rows between the bars at the canvas's level (their first row's) at least:
    /// a digit drawn on it covers under half of any row, and leaves the median as it is.
    static let canvasShare: Float = 0.9

    /// The bars of `page`, if it is a screenshot with one along its top, its bottom or both.
    static func find(in page: GrayImage) -> ScreenBars? {
        let height = page.height
        let least = max(2, Int(barHeight.lowerBound * Float(height))), most = Int(barHeight.upperBound * Float(height))
        guard page.width > 0, least < most else { return nil }
        func level(_ y: Int) -> Int {
            var levels = GreyLevels()
            for x in 0..<page.width { levels.add(page.pixels[y * page.width + x]) }
            return levels.percentile(0.5)
        }
        /// Whether `barShare` of row `y` lies at `barLevel`.
        func isBarRow(_ y: Int, barLevel: Int) -> Bool {
            var count = 0
            for x in 0..<page.width where abs(GreyLevels.level(page.pixels[y * page.width + x]) - barLevel) <= tolerance { count += 1 }
            return Float(count) >= barShare * Float(page.width)
        }
        /// How many rows from the edge (`rows` in order from it) are at the edge row's level: a
        /// band's height, or nil where that is no bar's.
        func band(_ rows: StrideThrough<Int>) -> (height: Int, level: Int)? {
            var rows = rows.makeIterator()
            guard let first = rows.next() else { return nil }
            let barLevel = level(first)
            var count = 1
            while count < most, let y = rows.next(), isBarRow(y, barLevel: barLevel) { count += 1 }
            return count >= least && count < most ? (count, barLevel) : nil
        }
        let topBar = band(stride(from: 0, through: height - 1, by: 1))
        let bottomBar = band(stride(from: height - 1, through: 0, by: -1))
        guard topBar != nil || bottomBar != nil else { return nil }
        let top = topBar?.height ?? 0, bottom = height - (bottomBar?.height ?? 0)
        let canvasRows = (top + blendRows)..<(bottom - blendRows)
        guard canvasRows.count >= height / 2 else { return nil }
        // The canvas holds its level from the edge on; a photo's drifting rows stray from it
        // soon, and the scan stops there.
        let canvas = level(canvasRows.lowerBound)
        guard [topBar, bottomBar].allSatisfy({ $0.map { abs($0.level - canvas) >= leastStep } ?? true }),
              abs(level(canvasRows.upperBound - 1) - canvas) <= tolerance else { return nil }
        let allowed = Int((1 - canvasShare) * Float(canvasRows.count))
        var strays = 0
        for y in canvasRows where abs(level(y) - canvas) > tolerance {
            strays += 1
            if strays > allowed { return nil }
        }
        return ScreenBars(top: top, bottom: bottom)
    }

    /// Marks as `.screenBar` the components that lie wholly in a bar.
    func reject(_ verdicts: inout [Rejection?], components: [Component]) {
        for (index, component) in components.enumerated() where component.maxY < top || component.minY >= bottom {
            verdicts[index] = .screenBar
        }
    }
}
