/// A small copy of a picture split at a grey threshold into a candidate sheet (the largest bright
/// region and what it encloses) and the desk around it, with the measures `Sheet` decides by.
/// Measures are computed when asked for, so the cheap tests can turn a picture down first.
struct SheetGrid {
    let width: Int, height: Int
    let grey: [Float]
    /// Brighter than the threshold the grid was made with.
    let bright: [Bool]
    /// The candidate sheet; everything else is desk.
    let sheet: [Bool]
    let sheetShare: Float
    /// Median grey levels.
    let paperGrey: Float, deskGrey: Float
    /// Per cell, the steps (across and along) to the nearest sheet cell: 0 on the sheet.
    let distanceFromSheet: [Int]

    /// `small`: the picture shrunk to the grid's size. Nil when nothing in it is brighter than
    /// `threshold`, or nothing darker reaches the border.
    init?(_ small: GrayImage, threshold: Float) {
        width = small.width
        height = small.height
        grey = small.pixels
        bright = grey.map { $0 > threshold }
        // The desk reaches the border, a corner of it at least (which is 5 % or more of the
        // border for 1 % of the picture): a canvas or a page filling the frame stops here.
        let borderCells = small.border(width: 1)
        guard borderCells.filter({ $0 <= threshold }).count * 50 >= borderCells.count else { return nil }
        let labelling = ComponentLabels(mask: bright.map { $0 ? 1 : 0 }, ink: small)
        guard let largest = labelling.components.indices.max(by: { labelling.components[$0].area < labelling.components[$1].area })
        else { return nil }
        sheet = GridFlood.enclosed(by: labelling.labels.map { $0 == Int32(largest + 1) }, width: width, height: height)
        guard sheet.contains(false) else { return nil }
        let sheetGrey = zip(grey, sheet).filter { $0.1 }.map(\.0), deskGrey = zip(grey, sheet).filter { !$0.1 }.map(\.0)
        sheetShare = Float(sheetGrey.count) / Float(grey.count)
        paperGrey = median(sheetGrey)
        self.deskGrey = median(deskGrey)
        distanceFromSheet = Self.distances(from: sheet, width: width)
    }

    /// Sheet cells with a desk cell beside them.
    private var edgeCells: [Int] {
        (0..<grey.count).filter { i in
            var besideDesk = false
            if sheet[i] { GridFlood.forEachNeighbour(of: i, width: width, count: grey.count) { besideDesk = besideDesk || !sheet[$0] } }
            return besideDesk
        }
    }

    /// Whether the frame cuts the sheet: some sheet cell lies on the grid's border.
    var isCutByFrame: Bool {
        (0..<width).contains { sheet[$0] || sheet[(height - 1) * width + $0] }
            || (0..<height).contains { sheet[$0 * width] || sheet[$0 * width + width - 1] }
    }

    /// The share of the sheet that is not bright: the ink on a sheet; the hole of a light 0.
    var enclosedDarkShare: Float {
        Float(zip(sheet, bright).filter { $0.0 && !$0.1 }.count) / Float(max(1, sheet.filter { $0 }.count))
    }

    /// The share of desk cells clearly darker than the desk around them on both sides: below 0.6
    /// of the desk's closing (its brightest within four cells, then the darkest of those within
    /// four cells) and by 0.1 at least, so sensor noise on a black desk is no mark, and darker
    /// than the desk's median, so a black desk beside a grey pen is no mark either. A pen lying
    /// there, or writing in a shade taken for desk, is a dark line the closing fills; a soft
    /// shadow across the desk, or the line where a lighter part of it begins, is darker on one
    /// side only, which the closing leaves as it is. The two cells next to the sheet are left
    /// out, as they take in some of the paper's light.
    var markedDeskShare: Float {
        let counted = distanceFromSheet.map { $0 > 2 }
        // Cells left out count as black for the maximum, which they then never raise, and as
        // white for the minimum, which they never lower.
        let desk = GrayImage(checkedWidth: width, height: height, pixels: zip(grey, counted).map { $0.1 ? $0.0 : 0 })
        var brightest = desk.filtered(radius: 4, maximum: true)
        for i in brightest.pixels.indices where !counted[i] { brightest.pixels[i] = 1 }
        let closed = brightest.filtered(radius: 4, maximum: false).pixels
        let marked = grey.indices.filter { i in
            counted[i] && grey[i] < min(0.6 * closed[i], closed[i] - 0.1) && grey[i] < deskGrey
        }
        return Float(marked.count) / Float(max(1, counted.filter { $0 }.count))
    }

    /// The widest disc inside the sheet's bright cells (its radius in steps across and along, to
    /// the nearest cell that is dark or off the sheet) as a share of the sheet's longer side: a
    /// sheet's paper is open, a quarter or so; a fat light digit's is a stroke, half of whose
    /// width is a small share of the digit.
    var openPaperRadius: Float {
        let notPaper = zip(sheet, bright).map { !($0.0 && $0.1) }
        let radius = Self.distances(from: notPaper, width: width).max() ?? 0
        return Float(radius) / Float(sheetSize.longer)
    }

    /// The sides of the sheet's box, in cells.
    private var sheetSize: (longer: Int, shorter: Int) {
        var minX = width, maxX = -1, minY = height, maxY = -1
        for i in sheet.indices where sheet[i] {
            minX = min(minX, i % width); maxX = max(maxX, i % width)
            minY = min(minY, i / width); maxY = max(maxY, i / width)
        }
        let (across, down) = (max(1, maxX - minX + 1), max(1, maxY - minY + 1))
        return (max(across, down), min(across, down))
    }

    /// How many times longer the sheet's box is than wide.
    var elongation: Float {
        let size = sheetSize
        return Float(size.longer) / Float(size.shorter)
    }

    /// The corners of the sheet's outline (`ConvexOutline.corners`) at `tolerance` of its longer
    /// side, and 1.5 cells at least. A sheet is four straight edges, five or six where a shadow
    /// or the threshold cuts a corner off; a round outline, a fat light 0's, needs many more.
    func outlineCorners(tolerance: Float) -> Int {
        outline.corners(tolerance: max(1.5, tolerance * Float(sheetSize.longer)))
    }

    /// How far the desk reaches from the sheet at most, as a share of the short side.
    var deskDepth: Float { Float(distanceFromSheet.max() ?? 0) / Float(min(width, height)) }

    private static func distances(from sheet: [Bool], width: Int) -> [Int] {
        var distance = sheet.map { $0 ? 0 : -1 }
        GridFlood.spread(from: sheet.indices.filter { sheet[$0] }, width: width, count: sheet.count) { i, j in
            guard distance[j] < 0 else { return false }
            distance[j] = distance[i] + 1
            return true
        }
        return distance
    }

    /// How much of the step from desk to paper is taken between the two cells either side of
    /// the edge, on average: the step is measured from the desk two cells further out to the
    /// paper two cells further in (where that is paper, not ink). Near 1 along a sheet's edge,
    /// whatever the lighting; a fraction along a shadow's soft edge.
    var edgeSharpness: Float {
        var sum: Float = 0, count = 0
        for y in 0..<height {
            for x in 0..<width where sheet[y * width + x] {
                for (dx, dy) in [(1, 0), (-1, 0), (0, 1), (0, -1)] {
                    let (ox, oy, ix, iy) = (x + 3 * dx, y + 3 * dy, x - 2 * dx, y - 2 * dy)
                    guard ox >= 0, oy >= 0, ox < width, oy < height, ix >= 0, iy >= 0, ix < width, iy < height else { continue }
                    let d = (y + dy) * width + x + dx, outer = oy * width + ox, inner = iy * width + ix
                    guard !sheet[d], !sheet[outer], !sheet[(y + 2 * dy) * width + x + 2 * dx], sheet[inner], bright[inner] else { continue }
                    let step = grey[inner] - grey[outer]
                    guard step > 0.1 else { continue }
                    sum += max(0, min(1, (grey[y * width + x] - grey[d]) / step))
                    count += 1
                }
            }
        }
        return count == 0 ? 0 : sum / Float(count)
    }

    /// The share of the edge cells within two cells of the sheet's convex hull's outline.
    var edgeShareOnHull: Float {
        let hull = outline.vertices
        let edge = edgeCells
        guard !edge.isEmpty, hull.count >= 3 else { return 0 }
        let near = edge.filter { i in
            let px = Float(i % width) + 0.5, py = Float(i / width) + 0.5
            return hull.indices.contains { k in
                let a = hull[k], b = hull[(k + 1) % hull.count]
                let (ax, ay, dx, dy) = (Float(a.x), Float(a.y), Float(b.x - a.x), Float(b.y - a.y))
                let t = max(0, min(1, ((px - ax) * dx + (py - ay) * dy) / max(1e-6, dx * dx + dy * dy)))
                let (ex, ey) = (px - ax - t * dx, py - ay - t * dy)
                return ex * ex + ey * ey <= 4
            }
        }
        return Float(near.count) / Float(edge.count)
    }

    /// The convex hull of the sheet's cells.
    private var outline: ConvexOutline {
        ConvexOutline(rows: height) { y in
            guard let first = (0..<width).first(where: { sheet[y * width + $0] }),
                  let last = (0..<width).last(where: { sheet[y * width + $0] }) else { return nil }
            return (first, last)
        }
    }

    /// The paper's brightness carried out over the desk, at the size of `picture`: each desk cell
    /// takes the grey of the nearest paper cell inside the sheet (bright, and away from the
    /// edge, whose cells take in some desk), so that painting the desk with it continues the
    /// sheet's own lighting — a shadow across sheet and desk stays a shadow, not a dark patch
    /// beside bright paint that the paper estimate would take for ink. A paper cell gives the
    /// brightest grey within `inkReach` cells of it: a cell that a stroke near the edge darkens,
    /// bright enough still to count as paper, carried its grey straight out across the desk,
    /// and the streak joined the digit as one more stroke.
    func paperFill(for picture: GrayImage) -> GrayImage {
        var fill = GrayImage(checkedWidth: width, height: height, pixels: grey)
            .filtered(radius: Self.inkReach, maximum: true).pixels
        var reached = (0..<grey.count).map { i in
            var inside = sheet[i] && bright[i]
            if inside { GridFlood.forEachNeighbour(of: i, width: width, count: grey.count) { inside = inside && sheet[$0] } }
            return inside
        }
        GridFlood.spread(from: (0..<grey.count).filter { reached[$0] }, width: width, count: grey.count) { i, j in
            guard !reached[j] else { return false }
            reached[j] = true
            fill[j] = fill[i]
            return true
        }
        return GrayImage(checkedWidth: width, height: height, pixels: fill).resized(width: picture.width, height: picture.height)
    }

    /// Strokes up to twice this many cells wide (a fortieth of the picture at `Sheet.searchSize`)
    /// leave no trace in the paper's grey carried over the desk.
    static let inkReach = 2

    /// Per pixel of `picture` (the one the grid was made from): true on the desk. Cells well
    /// inside either region keep their side; along the edge a pixel is desk unless it is within
    /// a tenth of the step from desk to paper of the paper's grey there (`paper`, from
    /// `paperFill`), so the sheet's blurred rim goes with the desk and leaves no dark line
    /// behind. (Within a quarter of the step from the sheet's median grey, a rim a fifth of the
    /// step darker than the paper, or darker than paper lit brighter than the median, stayed:
    /// along a long straight edge, a line of ink one pixel wide, read as a 1 where the "sheet"
    /// held nothing else.)
    func deskMask(for picture: GrayImage, paper: GrayImage) -> [Bool] {
        // Per cell: whether its 3×3 neighbourhood holds sheet, desk, or both.
        let sheetCells = GrayImage(checkedWidth: width, height: height, pixels: sheet.map { $0 ? 1 : 0 })
        let sheetNear = sheetCells.filtered(radius: 1, maximum: true).pixels.map { $0 > 0 }
        let deskNear = sheetCells.filtered(radius: 1, maximum: false).pixels.map { $0 < 1 }
        var desk = [Bool](repeating: false, count: picture.pixels.count)
        for y in 0..<picture.height {
            let row = min(height - 1, y * height / picture.height) * width
            for x in 0..<picture.width {
                let cell = row + min(width - 1, x * width / picture.width)
                let i = y * picture.width + x
                desk[i] = deskNear[cell] && (!sheetNear[cell] || picture.pixels[i] < paper.pixels[i] - 0.1 * (paper.pixels[i] - deskGrey))
            }
        }
        return desk
    }
}
