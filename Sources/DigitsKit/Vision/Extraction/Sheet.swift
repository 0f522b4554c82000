/// A sheet of paper photographed lying on a darker desk. Around a sheet that fills half the
/// frame the desk is no longer the minority the extractor takes ink to be: the polarity test
/// takes the lit sheet for light "ink" on a dark ground, the desk's edge raises the global
/// threshold over faint strokes, and a wedge of desk in a corner passes for part of a digit.
/// Found, the sheet is read alone, with the desk painted over in the sheet's own grey.
///
/// The sheet is the largest bright region of a small copy of the picture (Otsu), with what it
/// encloses (the ink on it). Many things are bright next to something dark without being a
/// sheet on a desk, so it must also look like one (`SheetGrid`'s measures):
/// - it is at least 15 % of the picture, and the desk at least 1 %, clearly darker;
/// - it is convex, as a sheet seen in perspective and cut by the frame is: nearly all of its
///   edge with the desk lies on its convex hull. Paper around pieces of digits that the frame
///   cuts is bitten into along curves;
/// - its edge is sharp, where a shadow's edge is soft;
/// - the desk is nearly bare: marks darker than it cover at most 2 % of it (a pen lying there
///   covers up to 1.7 %), where a shadow with writing under it holds more;
/// - the desk reaches 4 % of the picture's short side away from the sheet, deeper than a pen
///   stroke along the border;
/// - what it encloses is mostly paper: a fat light 0 on a dark canvas encloses its dark hole,
///   a fifth of it or more, while a sheet's writing covers a few percent.
///
/// Each limit is far from both sides on the development sets (desk photos against every other
/// kind, seeds 1–9, and the cropped marker drawings): see BENCHMARKS.md, "Seventh session".
struct Sheet {
    /// Per pixel of the picture it was found in: true on the desk.
    let desk: [Bool]
    /// The sheet's typical grey level.
    let paper: Float

    /// The longer side of the small copy the sheet is looked for in.
    static let searchSize = 160
    static let minimumSheetShare: Float = 0.15
    static let minimumDeskShare: Float = 0.01
    /// The desk's typical grey is below this share of the paper's.
    static let deskContrast: Float = 0.75
    static let minimumEdgeOnHull: Float = 0.9
    /// Mid-grey cells along the edge, per cell of edge (`SheetGrid.edgeWidth`): below one where
    /// the edge is sharp (0.5–0.9 on desk photos), two or more along a shadow.
    static let maximumEdgeWidth: Float = 1.2
    static let maximumMarkedDesk: Float = 0.02
    static let minimumDeskDepth: Float = 0.04
    static let maximumEnclosedDark: Float = 0.2

    static func find(in grey: GrayImage) -> Sheet? {
        guard max(grey.width, grey.height) >= 32, let grid = SheetGrid(grey, longestSide: searchSize),
              grid.sheetShare >= minimumSheetShare, 1 - grid.sheetShare >= minimumDeskShare,
              grid.deskGrey < deskContrast * grid.paperGrey,
              grid.enclosedDarkShare <= maximumEnclosedDark,
              grid.markedDeskShare <= maximumMarkedDesk,
              grid.deskDepth >= minimumDeskDepth,
              grid.edgeWidth <= maximumEdgeWidth,
              grid.edgeShareOnHull >= minimumEdgeOnHull else { return nil }
        return Sheet(desk: grid.deskMask(for: grey), paper: grid.paperGrey)
    }

    /// The picture with the desk painted in the paper's grey.
    func isolated(from grey: GrayImage) -> GrayImage {
        var page = grey
        for i in page.pixels.indices where desk[i] { page.pixels[i] = paper }
        return page
    }
}
