/// A sheet of paper photographed lying on a darker desk. Around a sheet that fills half the
/// frame the desk is no longer the minority the extractor takes ink to be: the polarity test
/// takes the lit sheet for light "ink" on a dark ground, the desk's edge raises the global
/// threshold over faint strokes, and a wedge of desk in a corner passes for part of a digit.
/// Found, the sheet is read alone, with the desk painted over in the grey of the paper nearest.
///
/// The sheet is the largest bright region of a small copy of the picture (Otsu's threshold, or
/// where a shadow lies across sheet and desk the next one down, or one between the two), with
/// what it encloses (the ink on it). Many things are bright next to something dark without
/// being a sheet on a desk, so it must also look like one (`SheetGrid`'s measures):
/// - it is at least 15 % of the picture, or 5 % when the frame does not cut it (a sticky note
///   lying in view; the lighter bar across the top of a dark-theme app is cut), and the desk
///   at least 1 %, clearly darker;
/// - it is convex, as a sheet seen in perspective and cut by the frame is: nearly all of its
///   edge with the desk lies on its convex hull. Paper around pieces of digits that the frame
///   cuts is bitten into along curves;
/// - its edge is sharp, where a shadow's edge is soft;
/// - the desk is nearly bare: marks darker than the desk around them cover at most 2 % of it (a
///   pen lying there covers up to 1.7 %), where a shadow with writing under it holds more;
/// - the desk reaches 4 % of the picture's short side away from the sheet, deeper than a pen
///   stroke along the border;
/// - in full view, it has a sheet's shape: a polygon of four straight edges, or five or six
///   where a shadow cuts a corner off, no more than 2.5 times as long as wide. A fat light 0 is
///   round, a light 1 a bar;
/// - what it encloses is mostly paper: a fat light 0 on a dark canvas encloses its dark hole,
///   a fifth of it or more, while a sheet's writing covers a few percent. Drawn with a brush a
///   fifth of its height, a light 0's hole may be only an eighth of it, but its paper is
///   strokes, not open paper (`SheetGrid.openPaperRadius`): more than 11 % dark is allowed
///   only amid open paper.
///
/// Each limit is far from both sides on the development sets: desk photos against the kinds
/// where a candidate sheet shows up at all (shadows, neighbours cut by the frame, white on
/// black; seeds 1–9) and the cropped marker drawings — see BENCHMARKS.md, "Seventh session".
struct Sheet {
    /// Per pixel of the picture it was found in: true on the desk.
    let desk: [Bool]
    /// The paper's brightness carried out over the desk (`SheetGrid.paperFill`).
    let paper: GrayImage

    /// The longer side of the small copy the sheet is looked for in.
    static let searchSize = 160
    static let minimumSheetShare: Float = 0.15
    static let minimumUncutSheetShare: Float = 0.05
    static let minimumDeskShare: Float = 0.01
    /// The desk's typical grey is below this share of the paper's.
    static let deskContrast: Float = 0.75
    static let minimumEdgeOnHull: Float = 0.9
    /// The share of the step from desk to paper taken across the edge (`SheetGrid.edgeSharpness`):
    /// 0.5–0.85 along desk photos' sheets, at most 0.27 along the development sets' shadows.
    static let minimumEdgeSharpness: Float = 0.45
    static let maximumMarkedDesk: Float = 0.02
    static let minimumDeskDepth: Float = 0.04
    static let maximumEnclosedDark: Float = 0.2
    /// Enclosing more dark than this, the sheet's paper must be open: a disc of this share of
    /// its longer side fits in it. Of the sheets found in development sets 0–9 and 90–97, desk
    /// sets 1–2 and the sticky notes, none enclosed more than 10.8 % dark, and the two over 10 %
    /// had open paper of 0.23 and 0.49; of the fat light 0s taken for sheets that enclosed more
    /// than 11 %, 13 of 15 had under 0.21 (BENCHMARKS.md, "Thirtieth session").
    static let maximumEnclosedDarkAmidStrokes: Float = 0.11
    static let minimumOpenPaperRadius: Float = 0.21
    /// A sheet in full view is a polygon of at most this many corners at this tolerance
    /// (`SheetGrid.outlineCorners`), and at most this elongated: a fat light 0 or 1 on a dark
    /// canvas passes the tests above, and its paper's rim or its hole was read as the writing.
    /// Of the 287 whole sheets found in the development sets (0–9, 90–97, desk 1–2, sticky
    /// notes), 276 had 4 corners and 11 had 5, and none was longer than 1.61 times its width;
    /// the fat light 0s taken for sheets had 7–11 corners, the light 1s 3.3–9.2 times as long
    /// as wide (BENCHMARKS.md, "Thirty-second session").
    static let cornerTolerance: Float = 0.02
    static let maximumCorners = 6
    static let maximumElongation: Float = 2.5

    static func find(in grey: GrayImage) -> Sheet? {
        guard let grid = paperOnADesk(in: grey) else { return nil }
        let paper = grid.paperFill(for: grey)
        return Sheet(desk: grid.deskMask(for: grey, paper: paper), paper: paper)
    }

    /// Whether `grey` shows a sheet on a desk, without working out how to paint the desk over.
    static func isPresent(in grey: GrayImage) -> Bool { paperOnADesk(in: grey) != nil }

    /// The size of the copy of a `width × height` picture that the sheet is looked for in: its
    /// longer side `searchSize`, or the picture's own size when that is smaller.
    static func searchCopySize(width: Int, height: Int) -> (width: Int, height: Int) {
        let factor = min(1, Float(searchSize) / Float(max(1, max(width, height))))
        return (max(1, Int((Float(width) * factor).rounded())), max(1, Int((Float(height) * factor).rounded())))
    }

    /// The grid of the search copy split at the threshold where it looks like paper on a desk.
    private static func paperOnADesk(in grey: GrayImage) -> SheetGrid? {
        guard max(grey.width, grey.height) >= 32 else { return nil }
        let size = searchCopySize(width: grey.width, height: grey.height)
        let small = grey.resized(width: size.width, height: size.height)
        // Otsu's threshold splits the desk from the paper, unless a shadow lies across both:
        // then it splits the lit paper from the rest, and the next threshold down (Otsu's
        // among the darker cells) splits the desk from the paper, lit and shaded. A hard,
        // deep shadow leaves the desk it misses lighter than the shaded desk and darker than
        // the shaded paper: the lower threshold splits off only the shaded desk, and Otsu's
        // between the two splits the desk, lit and shaded, from the paper.
        let upper = Thresholding.otsu(small.pixels)
        let lower = Thresholding.otsu(small.pixels.filter { $0 <= upper })
        let between = Thresholding.otsu(small.pixels.filter { $0 > lower && $0 <= upper })
        for threshold in [upper, lower, between] {
            if let grid = SheetGrid(small, threshold: threshold), looksLikePaperOnADesk(grid) { return grid }
        }
        return nil
    }

    private static func looksLikePaperOnADesk(_ grid: SheetGrid) -> Bool {
        grid.sheetShare >= (grid.isCutByFrame ? minimumSheetShare : minimumUncutSheetShare)
            && 1 - grid.sheetShare >= minimumDeskShare
            && grid.deskGrey < deskContrast * grid.paperGrey
            && enclosesMostlyPaper(grid)
            && grid.markedDeskShare <= maximumMarkedDesk
            && grid.deskDepth >= minimumDeskDepth
            && grid.edgeSharpness >= minimumEdgeSharpness
            && grid.edgeShareOnHull >= minimumEdgeOnHull
            && (grid.isCutByFrame || hasTheShapeOfASheet(grid))
    }

    /// Whether a sheet in full view has a sheet's outline: a polygon of few corners, not a bar.
    /// The frame's own edges add corners to a sheet it cuts, so only a whole one is tested.
    private static func hasTheShapeOfASheet(_ grid: SheetGrid) -> Bool {
        grid.elongation <= maximumElongation && grid.outlineCorners(tolerance: cornerTolerance) <= maximumCorners
    }

    /// Whether the dark the sheet encloses is writing, not a fat light digit's hole: little of it,
    /// or not too much amid open paper. The open paper is measured only where it decides.
    private static func enclosesMostlyPaper(_ grid: SheetGrid) -> Bool {
        let dark = grid.enclosedDarkShare
        return dark <= maximumEnclosedDarkAmidStrokes
            || (dark <= maximumEnclosedDark && grid.openPaperRadius >= minimumOpenPaperRadius)
    }

    /// The picture with the desk painted in the grey of the paper nearest.
    func isolated(from grey: GrayImage) -> GrayImage {
        var page = grey
        for i in page.pixels.indices where desk[i] { page.pixels[i] = paper.pixels[i] }
        return page
    }
}
