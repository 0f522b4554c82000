/// A row of marks side by side is what a screen or a page prints, not what a person drew as the
/// one digit of a picture: a screenshot of a phone's drawing app holds a status bar (the time,
/// signal bars, a battery), an app bar (a title, icons) and a row of colour buttons around the
/// digit drawn on its canvas, and a form holds lines of print around the digit written on it.
/// Those marks stand in rows; the digit stands on a line of its own. `--single` reads the
/// heaviest plausible mark, and a small digit drawn with a thin pen has less ink than a colour
/// button: a screenshot of one was read as the button's 0 or 9. Nor is such a row part of the
/// digit: a long 1 drawn up to the app bar took the letters of the app's title as its pieces.
extension DigitGroup {
    /// The fewest marks a line of the reading order holds to be a row of marks rather than
    /// writing and a stray mark beside it.
    static let rowLength = 3

    /// The lines of a reading order that are rows of marks (`rowLength` or more), and the marks
    /// on the other lines.
    static func rowsAndRest(of lines: [[DigitGroup]]) -> (rows: [[DigitGroup]], rest: [DigitGroup]) {
        (lines.filter { $0.count >= rowLength }, lines.filter { $0.count < rowLength }.flatMap { $0 })
    }

    /// The least height, as a share of the heaviest group's, of a group standing alone on its
    /// line to be taken for the digit rather than a speck or a remnant of a ruled line.
    static let loneDigitHeightShare: Float = 0.5

    /// How far from every row, as a share of the height of the group standing alone, every mark
    /// outside the rows must be for the rows to stand apart from the writing: a screen's bars and
    /// buttons lie far from the digit on its canvas, while the strokes of a digit drawn in dots,
    /// or broken by the pen, make rows that touch the rest of it.
    static let rowClearance: Float = 0.5

    /// The groups of a picture of one digit that may be that digit or its parts: the groups
    /// outside the rows when the reading order holds rows of marks (`rowLength` or more on a
    /// line), a group stands alone on its line, whole (clear of the frame) and at least
    /// `loneDigitHeightShare` as tall as the heaviest group, and every group outside the rows
    /// keeps `rowClearance` of that one's height from them; every group otherwise. A photo of
    /// one digit in a line of digits keeps its line, since its digit stands in that line.
    static func apartFromRows(_ groups: [DigitGroup]) -> [DigitGroup] {
        // A row and a mark apart from it take more groups than a canvas drawing usually has:
        // the reading order is not worth sorting for it.
        guard groups.count > rowLength else { return groups }
        let lines = readingOrder(groups)
        let (rows, rest) = rowsAndRest(of: lines)
        let rowMarks = rows.flatMap { $0 }
        guard !rowMarks.isEmpty, let heaviest = groups.max(by: { $0.mass < $1.mass }) else { return groups }
        let standsApart = lines.contains { line in
            guard line.count == 1, let lone = line.first, !lone.touchesBorder,
                  Float(lone.height) >= loneDigitHeightShare * Float(heaviest.height) else { return false }
            let clearance = Int((rowClearance * Float(lone.height)).rounded(.up))
            return rest.allSatisfy { mark in !rowMarks.contains { $0.isWithin(clearance, of: mark) } }
        }
        return standsApart ? rest : groups
    }

    /// How tall a mark of a row of blots may be, as a share of the tallest mark outside the rows
    /// (`apartFromRowsOfBlots`).
    static let smallMarkShare: Float = 0.5

    /// How wide a blot of such a row is at least: the widest disc inside it against the widest
    /// inside the tallest mark (half that mark's pen). A phone's colour buttons measured 1.7–2
    /// times a digit drawn with the app's fattest pen (`phone-screenshots.py` seed 1,
    /// `large-dark`); the dots of a dotted digit, as wide as the run of dots that is its tallest
    /// piece, 1.
    static let blotToPenRadius: Float = 1.5

    /// The pieces of a picture of one digit without the rows of blots that lie wholly above or
    /// below the tallest piece outside the rows, are smaller than half its height, span twice
    /// its width or more, and hold `rowLength` or more marks `blotToPenRadius` times as wide as
    /// its pen: a phone's row of colour buttons under a digit drawn low on the canvas. Such a
    /// row may lie too close to the digit for `apartFromRows`, and then its nearest button was
    /// taken as a piece of the digit (as a 5's hat is), and the buttons beside it as its close
    /// parts: a 3 with a row of discs under it was read 2. Applied before the pieces are grouped
    /// (`labels` label an image `width` wide). The dots of a dotted digit stand in rows too, but
    /// are no wider than the pen of the dots that run together into its tallest piece, and the
    /// pieces of a digit the pen broke are its pen's width.
    static func apartFromRowsOfBlots(_ pieces: [DigitGroup], labels: [Int32], width: Int) -> [DigitGroup] {
        guard pieces.count > rowLength else { return pieces }
        let (rows, rest) = rowsAndRest(of: readingOrder(pieces))
        guard !rows.isEmpty, let tallest = rest.max(by: { $0.height < $1.height }) else { return pieces }
        // The distance transforms last: most rows fail the box tests.
        lazy var pen = tallest.inscribedRadius(labels: labels, width: width)
        let setAside = rows.filter { row in
            guard let whole = joined(row),
                  whole.maxY < tallest.minY || whole.minY > tallest.maxY, whole.width >= 2 * tallest.width,
                  row.allSatisfy({ Float($0.height) <= smallMarkShare * Float(tallest.height) }) else { return false }
            return row.count { $0.inscribedRadius(labels: labels, width: width) >= blotToPenRadius * pen } >= rowLength
        }.joined().map(\.members)
        return setAside.isEmpty ? pieces : pieces.filter { !setAside.contains($0.members) }
    }
}
