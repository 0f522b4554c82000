/// Why a component is not (part of) a digit.
enum Rejection: String {
    case faint = "faint"            // only weak ink: paper texture, a shadow's edge
    case paperEdge = "paper edge"   // lies along a border: the table around the sheet, a fold
    case ruledLine = "ruled line"   // long and thin across the page
    case speck = "speck"            // dust, sensor noise, a pen dot
    case shadowEdge = "shadow edge" // as dark as the shade beside it (see `ShadowEdge`)
    case edgeObject = "solid object at the edge" // a finger holding the page, a desk's corner
    case straightObject = "straight object" // a pen lying beside the writing (`StraightObjects`)
    case shading = "shading at the edge" // light falling off toward the frame (`rejectShadingAtTheEdge`)
    case screenBar = "screen bar" // a screenshot's status bar, app bar or toolbar (`ScreenBars`)
}

/// Sorts components into plausible ink and the rest. Every limit is relative to the image or to
/// the largest ink on it, never a pixel count tuned on one picture.
enum ComponentFilter {
    /// Components where more than this fraction of the outline has no contrast with the paper
    /// outside are the edge of a shadow.
    static let shadowEdgeFraction: Float = 0.25

    /// `oneSided[i]`: the fraction of component i's outline without contrast (`ShadowEdge`).
    static func classify(_ components: [Component], oneSided: [Float], width: Int, height: Int) -> [Rejection?] {
        var verdicts: [Rejection?] = components.indices.map { i in
            let c = components[i]
            if !c.hasStrongInk { return .faint }
            if oneSided[i] > shadowEdgeFraction { return .shadowEdge }
            // Ink hugging half a border is the dark surround of a photographed sheet.
            if 2 * max(c.topBorder, c.bottomBorder) >= width || 2 * max(c.leftBorder, c.rightBorder) >= height {
                return .paperEdge
            }
            let horizontalLine = 2 * c.width >= width && 12 * c.height <= c.width
            // Vertical margin lines run from edge to edge; a tall thin 1 does not touch both.
            let verticalLine = c.topBorder > 0 && c.bottomBorder > 0 && 12 * c.width <= c.height
            return horizontalLine || verticalLine ? .ruledLine : nil
        }
        rejectSpecks(&verdicts, components: components, width: width, height: height)
        return verdicts
    }

    /// Marks as `.speck` the kept components small both in ink and in extent next to the largest
    /// kept ink (a 5's hat is neither), or small against the whole `width × height` image.
    static func rejectSpecks(_ verdicts: inout [Rejection?], components: [Component], width: Int, height: Int) {
        let kept = components.indices.filter { verdicts[$0] == nil }
        guard let largest = kept.max(by: { components[$0].area < components[$1].area }) else { return }
        let referenceArea = components[largest].area
        let referenceSize = max(components[largest].height, components[largest].width)
        for i in kept {
            let c = components[i]
            let size = max(c.width, c.height)
            if (c.area * 33 < referenceArea && size * 4 < referenceSize) || isTiny(c, width: width, height: height) {
                verdicts[i] = .speck
            }
        }
    }

    /// Whether component `c` is small against the whole `width × height` image, whatever ink lies
    /// beside it.
    static func isTiny(_ c: Component, width: Int, height: Int) -> Bool {
        max(c.width, c.height) < max(width, height) / 100
    }

    /// A digit cropped to its ink spans the picture's width and height but for this share of the
    /// picture's longer side: the threshold and the closing may pare a few pixels off a stroke
    /// that the frame cuts, as many on a narrow side as on a long one (a fat 1 cropped to its
    /// ink, 48 × 240, kept 39 of its 48 columns).
    static let croppedDigitSpan: Float = 0.9

    /// A digit cropped to its ink meets the frame along less than this share of its perimeter
    /// (MNIST digits cropped so, also fattened to a marker's strokes: 0.1–0.4, from where the
    /// strokes reach the sides). A sheet's dark surround that spans the frame runs along two whole
    /// sides at least: half of it.
    static let croppedDigitBorderShare: Float = 0.45

    /// Whether a mark `markWidth × markHeight` spans a `width × height` frame as a digit cropped
    /// to its ink does (`croppedDigitSpan`).
    static func spansFrame(markWidth: Int, markHeight: Int, width: Int, height: Int) -> Bool {
        let pared = (1 - croppedDigitSpan) * Float(max(width, height))
        return Float(width - markWidth) <= pared && Float(height - markHeight) <= pared
    }

    /// The mark of a digit cropped to its ink, which the filters took for a paper edge (it hugs
    /// half a side) or, blurred, for a shadow's edge (the paper beside its soft outline is
    /// little brighter than it): the heaviest such mark that spans the frame but meets it along
    /// less than `croppedDigitBorderShare` of its perimeter.
    static func digitCroppedToInk(_ components: [Component], verdicts: [Rejection?], width: Int, height: Int) -> Int? {
        components.indices.filter { index in
            let c = components[index]
            return [.paperEdge, .shadowEdge].contains(verdicts[index])
                && spansFrame(markWidth: c.width, markHeight: c.height, width: width, height: height)
                && Float(c.borderPixels) < croppedDigitBorderShare * Float(2 * (width + height))
        }.max { components[$0].mass < components[$1].mass }
    }

    /// Marks as `.edgeObject` the kept components that the frame cuts and that are solid regions,
    /// not strokes (`DigitGroup.isSolidRegion`): a thumb holding the page, reaching in from the
    /// edge, was grouped with the digit beside it. A digit the frame cuts is strokes. (A lower
    /// limit for such objects, 0.2, caught more thumbs but also a chunk of a fat 2 cropped to
    /// its ink.)
    static func rejectObjectsAtTheEdge(_ verdicts: inout [Rejection?], labelling: ComponentLabels, width: Int) {
        for (index, component) in labelling.components.enumerated() where verdicts[index] == nil {
            let piece = DigitGroup(component, index: index)
            if piece.touchesBorder, piece.isSolidRegion(labels: labelling.labels, width: width) { verdicts[index] = .edgeObject }
        }
    }
}
