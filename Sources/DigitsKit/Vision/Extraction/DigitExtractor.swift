/// Finds the digits in a picture — a phone photo, a scan, a canvas drawing, a line of digits —
/// and turns each into an MNIST-style 28×28 image, keeping every intermediate step.
///
/// grey (darkest channel, or brightest or luminance for coloured light ink on a dark ground:
/// `GreyChannel`) →
/// working size → a sheet on a darker desk is read alone (`Sheet`) → polarity (ink is the
/// minority, the border is the ground; the other way round is read too when the first holds no
/// clear digit, or only a solid region: `SolidRegion`) → paper brightness (grey closing) → the
/// grain of a dim photo averaged away (`SensorNoise`) → ink relative to the paper → Otsu and
/// local-mean thresholds with hysteresis → shade that the paper estimate lagged, flooded from
/// the paper beside it → 3×3 closing → connected components → the lines of a form's printed
/// boxes around digits (`PrintedFrames`), ruled and squared-paper lines erased, and lines at
/// any angle across the frame (a turned page's, a fold's: `TiltedLines`), components again
/// → drop faint blobs, paper edges, ruled lines, specks, a screenshot's bars (`ScreenBars`) and
/// solid objects reaching in from the edge, and the wide part of a stroke-touching one (a thumb:
/// `EdgeObjects`), and the pen lying beside the digit (`StraightObjects`) → an underline drawn
/// against a digit's foot erased (`TouchingUnderlines`), and a ring drawn around a digit and
/// against it (`TouchingRings`) → in single mode, rows of blots close over or under the digit
/// set aside (a screen's colour buttons: `DigitGroup.apartFromRowsOfBlots`) → group stacked
/// pieces into digits → round blots and flat bars set aside beside writing → reading order
/// (lines, then left to right) or, in single mode, the digit with the most ink that the frame
/// does not cut → MNIST normalisation.
public struct DigitExtractor: Sendable {
    public enum Mode: String, Sendable, CaseIterable {
        /// The image is one digit: the largest plausible digit wins.
        case single
        /// Any number of digits, in lines.
        case multi
    }

    public struct Options: Sendable {
        public var mode: Mode = .multi
        /// Larger pictures are shrunk (area resampling) so their longest side is this many
        /// pixels: a 12-megapixel photo keeps digits of 1/40 of its height at 30 px or more.
        public var workingSize = 1200
        /// Smaller pictures are enlarged to this, so that the 3×3 clean-ups stay small next to
        /// a stroke even on a 28×28 input.
        public var minimumWorkingSize = 256
        public var matchStrokeWidth = true
        public var deskew = false
        /// More ink blobs than this (after filtering) means a noisy picture; the heaviest are kept.
        public var maximumComponents = 300

        public init(mode: Mode = .multi) {
            self.mode = mode
        }
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// Boxes are reported in the file's own coordinates (`sourceWidth × sourceHeight`), also
    /// when the decoder reduced the image.
    public func extract(_ image: RasterImage) -> Extraction {
        let factor = workingFactor(width: image.width, height: image.height)
        let working = factor < 1
            ? GrayImage(image, width: Int((Double(image.width) * factor).rounded()),
                        height: Int((Double(image.height) * factor).rounded()))
            : GrayImage(image).scaled(byWorkingFactor: factor)
        let reduction = Double(image.width) / Double(max(1, image.sourceWidth))
        return extract(working: working, factor: factor * reduction, width: image.sourceWidth, height: image.sourceHeight)
    }

    /// From grey levels (0 black, 1 white).
    public func extract(_ grey: GrayImage) -> Extraction {
        let factor = workingFactor(width: grey.width, height: grey.height)
        return extract(working: grey.scaled(byWorkingFactor: factor), factor: factor, width: grey.width, height: grey.height)
    }

    private func workingFactor(width: Int, height: Int) -> Double {
        let longest = max(1, max(width, height))
        if longest > options.workingSize { return Double(options.workingSize) / Double(longest) }
        if longest < options.minimumWorkingSize { return Double(options.minimumWorkingSize) / Double(longest) }
        return 1
    }

    /// `working` is the picture scaled by `factor`; boxes are reported in the original
    /// `width × height`.
    private func extract(working: GrayImage, factor: Double, width: Int, height: Int) -> Extraction {
        // A sheet on a desk is read alone, unless it holds no clear digit.
        var reading: PageReading
        var isolatedSheet: GrayImage?
        // A screenshot's bars lie in the same rows however the page is read.
        let screenBars = ScreenBars.find(in: working)
        if let sheet = Sheet.find(in: working), case let page = sheet.isolated(from: working),
           case let onSheet = readAnySize(page: page, isInverted: false, screenBars: screenBars), onSheet.foundClearDigit {
            reading = onSheet
            isolatedSheet = page
        } else {
            reading = readEitherWay(working, screenBars: screenBars)
        }
        if reading.lines.isEmpty { reading.warnings.append("no ink found: the picture looks blank or has too little contrast") }

        let normalizer = MNISTNormalizer(matchStrokeWidth: options.matchStrokeWidth, deskew: options.deskew)
        let components = reading.labelling.components
        var digits: [DigitCrop] = []
        for (lineIndex, line) in reading.lines.enumerated() {
            for group in line {
                var member = [Bool](repeating: false, count: components.count + 1)
                for index in group.members { member[index + 1] = true }
                let result = normalizer.normalize(ink: reading.ink, labels: reading.labelling.labels, member: member, box: group.box)
                let box = group.box.scaled(by: 1 / factor, limitWidth: width, limitHeight: height)
                if options.mode == .multi && group.width * 2 > group.height * 3 {
                    reading.warnings.append("the mark at x=\(box.x) is wider than a digit: it may be several touching digits")
                }
                digits.append(DigitCrop(pixels: result.pixels, box: box, line: lineIndex, steps: result.steps,
                                        strokeWidth: (result.measuredWidth, result.adjustedWidth)))
            }
        }
        let steps = [ExtractionStep(name: "grey", image: working)]
            + (isolatedSheet.map { [ExtractionStep(name: "sheet", image: $0)] } ?? []) + [
            ExtractionStep(name: "lighting", image: reading.ink.inverted()),
            ExtractionStep(name: "threshold", image: reading.threshold),
            ExtractionStep(name: "components", image: reading.page,
                           boxes: reading.accepted.map { components[$0].box } + reading.lines.joined().map(\.box)),
        ]
        return Extraction(digits: digits, steps: steps, warnings: reading.warnings, width: width, height: height)
    }

    /// The picture read the likelier way round (`Lighting.inversions`), and the other way when
    /// that holds no clear digit, or only a solid region: a sheet read inverted on a photo the
    /// desk mostly fills, or the paper inside a fat light 0 cropped close, read upright. A solid
    /// digit is kept when the other way holds nothing better (a marker 8 whose loops closed up).
    ///
    /// Read upright first on a dark ground, a fat light digit cropped close also shows its holes
    /// as dark digits that are not solid (the narrow loop of a 9, the slit of a thin 0): the
    /// other way round is read too, and its digit wins when it encloses the upright ink that the
    /// frame does not cut (cropped to the digit's ink, the frame cuts the dark ground in the
    /// corners into "digits" too) — or, where the frame cuts all of that ink (a light 7 cropped
    /// to its ink has no hole), when its digit spans the frame and the upright one does not (a
    /// dark digit cropped so spans it itself), or does without touching the frame (the dark
    /// ground around a light digit a few pixels from the frame spans it too, near the digit
    /// as ink, further off as paper) — and when its outline is an edge: a patch of
    /// paper a flash lit amid a dark picture also encloses the digit, but its light falls off in
    /// a slope (`DigitGroup.outlineSteepness`). Where such a patch is the light minority (a desk
    /// lamp's pool of light), it is read first: a light "digit" with a slope for an outline, or
    /// along 30 % of it where the digit inside cuts the pool's rim (`DigitGroup.hasSlopingOutline`;
    /// the heaviest, in a line of digits), has the upright page read too, and the upright reading
    /// wins when its heaviest digit lies in the patch (its box's middle in the patch's box: the
    /// frame or the pool's rim may cut the digit) or encloses it (the lit paper in a digit's
    /// loop, where the pool reached the frame and was no digit). A light digit drawn with a soft
    /// brush, or blurred, has a sloping outline too, but what lies inside it, read upright, is
    /// its holes, round and as soft as its outline, not a pen's strokes (`isBlurredHole`): they
    /// neither win over it nor keep it from winning by the hole rule. A light "digit" read first
    /// that is a blob (`DigitGroup.holeRadiusShare`), as no pen draws a digit, may be the lit
    /// paper inside a dark digit's closed loop, its outline the strokes' edge: the upright page
    /// is read too, and wins when its heaviest digit, no solid region, encloses it. A dark digit
    /// on a light sheet lying on a dark desk keeps its reading: read inverted, the sheet is a
    /// solid region, not a digit. Read inverted first, a photo that a shadow mostly
    /// covers shows the paper left lit as wide light ground beside its "digits"
    /// (`Lighting.wideLightShare`): it is read upright too, and that reading wins when its
    /// digits are ink beside that paper (`PageReading.isInk(besideLitPaper:)`).
    private func readEitherWay(_ working: GrayImage, screenBars: ScreenBars?) -> PageReading {
        // The inverted page is made only when it is read: mostly it is not.
        let inversions = Lighting.inversions(working)
        func page(inverted: Bool) -> GrayImage { inverted ? working.inverted() : working }
        // Measured only where there is another way round to read: a distance transform.
        func isSolid(_ reading: PageReading) -> Bool {
            options.mode == .single
                && reading.heaviestDigit?.isSolidRegion(labels: reading.labelling.labels, width: reading.ink.width) == true
        }
        let reading = readAnySize(page: page(inverted: inversions[0]), isInverted: inversions[0], screenBars: screenBars)
        guard inversions.count > 1 else { return reading }
        let solid = reading.foundClearDigit && isSolid(reading)
        let mayBeAHole = inversions[1]
        // A walk over the box of a clear light digit read first; any other reading goes on anyway.
        let mayBeALitPatch = inversions[0] && reading.foundClearDigit && !solid && reading.heaviestDigit.map {
            $0.hasSlopingOutline(labels: reading.labelling.labels, page: reading.page)
        } == true
        let mayBeLitPaper = inversions[0] && reading.foundClearDigit
            && Lighting.wideLightShare(of: working, outside: reading.lines.joined().map(\.box)) > Lighting.litPaperShare
        let mayBeALitLoop = inversions[0] && reading.foundClearDigit && !solid && reading.heaviestDigit.map {
            $0.isSolidRegion(labels: reading.labelling.labels, width: reading.ink.width, share: DigitGroup.holeRadiusShare)
        } == true
        guard !reading.foundClearDigit || solid || mayBeAHole || mayBeLitPaper || mayBeALitPatch || mayBeALitLoop else { return reading }
        let other = readAnySize(page: page(inverted: inversions[1]), isInverted: inversions[1], screenBars: screenBars)
        guard other.foundClearDigit, !isSolid(other) else { return reading }
        let held: String
        if !reading.foundClearDigit {
            held = "no clear digit"
        } else if solid {
            held = "only a solid region, not strokes"
        } else if mayBeLitPaper, other.isInk(besideLitPaper: reading) {
            held = "only paper that a shadow left lit"
        } else if mayBeAHole, let outer = other.heaviestDigit,
                  reading.uncutInkBox.map(outer.box.encloses)
                    ?? (other.digitFillsFrame && (!reading.digitFillsFrame || !outer.touchesBorder)),
                  outer.outlineSteepness(labels: other.labelling.labels, page: other.page) >= DigitGroup.edgeSteepness
                    || reading.heaviestDigit?.isBlurredHole(labels: reading.labelling.labels, page: reading.page) == true {
            held = "only holes of a light digit and the ground around it"
        } else if mayBeALitPatch, let outer = reading.heaviestDigit?.box, let dark = other.heaviestDigit,
                  case let inner = dark.box,
                  outer.contains(x: inner.x + inner.width / 2, y: inner.y + inner.height / 2) || inner.encloses(outer),
                  !dark.isBlurredHole(labels: other.labelling.labels, page: other.page) {
            held = "only paper lit around or inside a dark digit"
        } else if mayBeALitLoop, let loop = reading.heaviestDigit?.box, let dark = other.heaviestDigit, dark.box.encloses(loop),
                  !dark.isSolidRegion(labels: other.labelling.labels, width: other.ink.width) {
            held = "only paper lit inside a dark digit's loop"
        } else {
            return reading
        }
        var chosen = other
        chosen.warnings.append("read as \(inversions[1] ? "light ink on a dark ground" : "dark ink on light paper"): "
            + "the other way round held \(held)")
        return chosen
    }

    /// What one polarity of the picture holds: the stages from the paper estimate to the digits
    /// in reading order.
    private struct PageReading {
        var page: GrayImage
        var paper: GrayImage
        var ink: GrayImage
        var threshold: GrayImage
        var labelling: ComponentLabels
        var accepted: [Int]
        var lines: [[DigitGroup]]
        var warnings: [String]
        /// Whether some ink passed the filters as a digit, or spans the picture as a digit cropped
        /// to its ink does (not only a fallback to the largest mark).
        var foundClearDigit: Bool

        /// The digit with the most ink; in `--single`, the one digit.
        var heaviestDigit: DigitGroup? { lines.joined().max { $0.mass < $1.mass } }

        /// Whether its digit with the most ink spans the page, as a digit cropped to its ink does.
        var digitFillsFrame: Bool {
            heaviestDigit.map {
                ComponentFilter.spansFrame(markWidth: $0.width, markHeight: $0.height, width: page.width, height: page.height)
            } ?? false
        }

        /// The box of the ink it accepted that the frame does not cut, if any.
        var uncutInkBox: PixelBox? {
            DigitGroup.joined(accepted.filter { !labelling.components[$0].touchesBorder }
                .map { DigitGroup(labelling.components[$0], index: $0) })?.box
        }

        /// Whether this upright reading's digits are dark ink on paper and the light "digits"
        /// of `inverted` (the same picture read inverted) the paper a shadow left lit inside
        /// and beside them: as tall at least as those, and darker than the ground around them.
        /// The holes of a chalk digit read upright are shorter than it and are the board, and a
        /// sliver of board between chalk and the frame is shorter still.
        func isInk(besideLitPaper inverted: PageReading) -> Bool {
            let tallest = lines.joined().map(\.height).max() ?? 0
            let tallestLight = inverted.lines.joined().map(\.height).max() ?? 0
            return Float(tallest) >= Lighting.litPaperHeightShare * Float(tallestLight)
                && lines.joined().allSatisfy { darkness(of: $0) < Lighting.darkInkShare }
        }

        /// The median grey under the group's ink against the median grey of the rest of the
        /// region around it (its box grown by its longer side each way): below 1 for ink,
        /// about 1 for a hole of a light digit, which is the ground.
        private func darkness(of group: DigitGroup) -> Float {
            let isMember = group.memberLabels()
            let reach = max(group.width, group.height)
            var inkLevels = GreyLevels(), groundLevels = GreyLevels()
            for y in max(0, group.minY - reach)...min(page.height - 1, group.maxY + reach) {
                for x in max(0, group.minX - reach)...min(page.width - 1, group.maxX + reach) {
                    let i = y * page.width + x
                    if isMember(labelling.labels[i]) { inkLevels.add(page.pixels[i]) } else { groundLevels.add(page.pixels[i]) }
                }
            }
            return Float(inkLevels.percentile(0.5)) / Float(max(1, groundLevels.percentile(0.5)))
        }
    }

    /// `read(page:paperRadius:isInverted:screenBars:)`, again with a larger paper element when it
    /// finds a digit tall enough for its strokes to outgrow the usual one and the paper estimate
    /// sinks under it, as it does where it took a stroke's middle for paper (a thin-stroked
    /// canvas digit is read once). Where it finds no digit, the largest mark stands for one: of a
    /// fat digit cropped to its ink whose stroke the estimate took for paper, only a rim cut by
    /// the frame is left, which no filter passes.
    private func readAnySize(page: GrayImage, isInverted: Bool, screenBars: ScreenBars?) -> PageReading {
        let reading = read(page: page, paperRadius: Lighting.paperRadius, isInverted: isInverted, screenBars: screenBars)
        guard let digitBox = reading.lines.joined().max(by: { $0.height < $1.height })?.box
                ?? reading.labelling.components.max(by: { $0.mass < $1.mass })?.box,
              Float(digitBox.height) > Lighting.tallDigitShare * Float(max(page.width, page.height)),
              Lighting.paperSinks(reading.paper, inside: digitBox) else { return reading }
        let tall = read(page: page, paperRadius: Lighting.tallDigitPaperRadius, isInverted: isInverted, screenBars: screenBars)
        return tall.foundClearDigit ? tall : reading
    }

    /// `page` has dark ink on light paper; `isInverted`, whether it is the picture inverted.
    private func read(page original: GrayImage, paperRadius: Int, isInverted: Bool, screenBars: ScreenBars?) -> PageReading {
        var warnings: [String] = []
        let paper = Lighting.paperBrightness(original, radius: paperRadius)
        // Grain that would cross the thresholds is averaged away first.
        let (page, square) = SensorNoise.quieted(original, paper: paper)
        if square > 1 {
            warnings.append("the picture is grainy (as in dim light): averaged over \(square) px squares before looking for ink")
        }
        let ink = Lighting.inkImage(grey: page, paper: paper)
        var thresholded = Thresholding.mask(ink: ink)
        ShadowEdge.eraseShade(from: &thresholded.mask, ink: ink, page: page, paper: paper)
        var mask = MaskMorphology.close(thresholded.mask, width: ink.width, height: ink.height)
        let thresholdStep = GrayImage(checkedWidth: ink.width, height: ink.height, pixels: mask.map { Float($0) / 2 })
        // Frames first: the ruled-line eraser would take a long box's top and bottom lines and
        // leave its walls, which are then separate strokes like 1s.
        var labelling = ComponentLabels(mask: mask, ink: ink)
        let frames = PrintedFrames.erase(from: &mask, labelling: labelling, width: ink.width, height: ink.height)
        let ruled = MaskMorphology.removeRuledLines(&mask, evidence: thresholded.faint, width: ink.width, height: ink.height)
            + TiltedLines.erase(from: &mask, evidence: thresholded.faint, width: ink.width, height: ink.height)
        if frames.erasedAny || ruled > 0 { labelling = ComponentLabels(mask: mask, ink: ink) }
        func classified(_ labelling: ComponentLabels) -> [Rejection?] {
            let oneSided = ShadowEdge.oneSidedFractions(labelling, page: page)
            var verdicts = ComponentFilter.classify(labelling.components, oneSided: oneSided, width: ink.width, height: ink.height)
            screenBars?.reject(&verdicts, components: labelling.components)
            ComponentFilter.rejectObjectsAtTheEdge(&verdicts, labelling: labelling, width: ink.width)
            // Read inverted, a lamp's pool is the light "digit" whose sloping outline the lit-patch
            // rule weighs, and chalk cut by the frame is as soft as the light's fall.
            if !isInverted { ComponentFilter.rejectShadingAtTheEdge(&verdicts, labelling: labelling, page: page) }
            StraightObjects.reject(&verdicts, labelling: labelling, width: ink.width, oneDigit: options.mode == .single)
            return verdicts
        }
        var verdicts = classified(labelling)
        // Each cut erases part of some kept components (`kept`: their indices), after which the
        // mask is labelled and classified again.
        let cuts: [(_ mask: inout [UInt8], _ labelling: ComponentLabels, _ kept: [Int]) -> Bool] = [
            { EdgeObjects.cutAway(from: &$0, labelling: $1, kept: $2, width: ink.width, height: ink.height) },
            { TouchingUnderlines.cut(from: &$0, labelling: $1, kept: $2, width: ink.width) },
            { TouchingRings.cut(from: &$0, labelling: $1, kept: $2, width: ink.width) },
        ]
        for cut in cuts where cut(&mask, labelling, verdicts.indices.filter { verdicts[$0] == nil }) {
            labelling = ComponentLabels(mask: mask, ink: ink)
            verdicts = classified(labelling)
        }
        let components = labelling.components

        var accepted = components.indices.filter { verdicts[$0] == nil }
        if accepted.count > options.maximumComponents {
            warnings.append("\(accepted.count) separate ink marks: the picture is very noisy; kept the \(options.maximumComponents) largest")
            accepted = Array(accepted.sorted { components[$0].mass > components[$1].mass }.prefix(options.maximumComponents))
        }
        // In a picture of one digit, a screen's row of buttons close under it is none of its
        // pieces, and stacked pieces are that digit's, even two of nearly its height (a 3 or 6
        // the pen broke in the middle); in a text they may be two lines. In lines of digits drawn
        // in dots, each chain of dots is a stroke (in a picture of one digit, gathered below).
        let pieces = accepted.map { DigitGroup(components[$0], index: $0) }
        var groups = options.mode == .multi
            ? DigitGroup.merge(DigitGroup.withDotsChained(
                pieces, specks: components.indices.filter { verdicts[$0] == .speck }.map { DigitGroup(components[$0], index: $0) },
                labels: labelling.labels, width: ink.width, height: ink.height), inLines: true)
            : DigitGroup.merge(DigitGroup.apartFromRowsOfBlots(pieces, labels: labelling.labels, width: ink.width), inLines: false)
        let lines: [[DigitGroup]]
        let foundClearDigit: Bool
        // A round blot, nearly a disc, is no digit beside writing: a scanned page's punch holes,
        // a coin on the desk. Alone it is still read (a fat 0 whose hole closed up). Nor is a
        // flat straight bar, a staple (`isFlatBar`), unless it stands in a line of digits.
        let isBlot = { (group: DigitGroup) in
            group.isSolidRegion(labels: labelling.labels, width: ink.width, share: DigitGroup.blotRadiusShare)
        }
        let isFlatBar = { (group: DigitGroup) in group.isFlatBar(labels: labelling.labels, width: ink.width) }
        // The filters take a digit cropped to its ink for a paper edge: it hugs a side.
        func digitCroppedToInk() -> DigitGroup? {
            ComponentFilter.digitCroppedToInk(components, verdicts: verdicts, width: ink.width, height: ink.height)
                .map { DigitGroup(components[$0], index: $0) }
        }
        switch options.mode {
        case .multi:
            // A ring around a number held its digits in one group: without it, they are grouped anew.
            groups = DigitGroup.plausibleDigits(DigitGroup.merged(groups, byCell: frames.combCells).flatMap { group in
                let digits = group.withoutWritersMarks(components: components, labels: labelling.labels, width: ink.width)
                return digits.members == group.members
                    ? [group] : DigitGroup.merge(digits.members.map { DigitGroup(components[$0], index: $0) }, inLines: true)
            })
            let writing = groups.filter { !isBlot($0) }
            if !writing.isEmpty { groups = writing }
            let found = DigitGroup.readingOrder(groups)
            let written = found.filter { $0.count > 1 || !isFlatBar($0[0]) }
            let read = written.isEmpty ? found : written
            // Alone in the picture, a digit cropped to its ink is read, though it hugs a side as
            // a sheet's dark surround does.
            if read.isEmpty, let cropped = digitCroppedToInk() {
                warnings.append("read the mark that spans the picture as a digit cropped to its ink")
                lines = [[cropped]]
            } else {
                lines = read
            }
            foundClearDigit = !lines.isEmpty
        case .single:
            // A digit cropped to its ink is as clear a digit as one with paper around it: read the
            // other way round, a fat one's holes are clear "digits" too, and the hole rule must
            // see it to choose it over them.
            if groups.isEmpty, let cropped = digitCroppedToInk() { groups = [cropped] }
            foundClearDigit = !groups.isEmpty
            if groups.isEmpty, let fallback = components.indices
                .filter({ verdicts[$0] != .faint })
                .max(by: { components[$0].mass < components[$1].mass }) {
                let reason = verdicts[fallback]?.rawValue ?? "rejected"
                warnings.append("no clear digit; read the largest ink mark, which looked like a \(reason)")
                groups = [DigitGroup(components[fallback], index: fallback)]
            }
            // A screen's or a form's rows of marks are neither the digit nor parts of it.
            groups = DigitGroup.apartFromRows(groups)
            lines = DigitGroup.singleDigit(groups, isNotWriting: { isBlot($0) || isFlatBar($0) }).map { digit in
                let whole = DigitGroup.withCloseParts(digit, among: groups)
                    .withoutWritersMarks(components: components, labels: labelling.labels, width: ink.width)
                let assembled = DigitGroup.withSegments(whole, among: groups, labelling: labelling, width: ink.width)
                // A canvas's dots are small against the picture: the filters call them specks.
                // (Gathered only when the digit found is a dot.)
                let dotted = DigitGroup.withDottedStrokes(
                    assembled,
                    among: components.indices.filter { verdicts[$0] == nil || verdicts[$0] == .speck }
                        .map { DigitGroup(components[$0], index: $0) },
                    labels: labelling.labels, width: ink.width, height: ink.height)
                // Last, so that a lone dot or bar is still the one the steps above start from.
                return [[DigitGroup.withLiftedStrokes(dotted, among: groups, labels: labelling.labels,
                                                      width: ink.width, height: ink.height)]]
            } ?? []
        }
        return PageReading(page: page, paper: paper, ink: ink, threshold: thresholdStep, labelling: labelling, accepted: accepted,
                           lines: lines, warnings: warnings, foundClearDigit: foundClearDigit)
    }
}

private extension GrayImage {
    func scaled(byWorkingFactor factor: Double) -> GrayImage { factor == 1 ? self : scaled(by: factor) }
}
