/// A thumb holding the page reaches in from the edge of the photo, as dark as the ink in the
/// darkest channel when the skin is dark, and often touches the digit: then the two are one
/// component. When it does not, a long thin thumb escapes `ComponentFilter.rejectObjectsAtTheEdge`
/// (its widest disc is small next to its length) and is grouped with the digit.
///
/// What gives it away is its width: it is several times wider than any pen stroke, and compact,
/// where a fat stroke is long. So the wide part of a component that the frame cuts (its opening
/// at half its widest disc: the union of the discs round its deepest pixels) is cut away when it
/// is compact, at least `widthRatio` times as wide as the strokes, touches the frame across at
/// least its half-width (or, when the component is that part alone, the component does: a thumb
/// narrows towards its base) and lies mostly outside the strokes' box, which the frame does not cut.
/// The strokes are the rest of the component, or, when that is next to nothing, the heaviest
/// component that the frame does not cut, if it is a digit rather than a fragment of one. A
/// marker digit's filled loop lies inside the digit's box, or, in a digit cropped to its ink, on
/// the same side of the frame as its strokes: it stays.
enum EdgeObjects {
    /// How many stroke half-widths the object's half-width must reach.
    static let widthRatio: Float = 2
    /// An object is compact: its wide part covers at most this many squares of its half-width
    /// (a thumb three times as long as wide, about 10); a fat stroke is much longer than wide.
    static let compactArea = 12
    /// Narrower things (4 px in the working picture, thirds of a pixel here) are no hand.
    static let minimumHalfWidth = 4 * ChamferDistances.straightStep

    /// Erases from `mask` (paper 0) the wide parts that are objects, among the `kept` components
    /// of `labelling`. Whether it erased any: the mask must then be labelled again.
    static func cutAway(from mask: inout [UInt8], labelling: ComponentLabels, kept: [Int], width: Int, height: Int) -> Bool {
        let components = labelling.components
        let candidates = kept.filter { components[$0].touchesBorder }
        guard !candidates.isEmpty else { return false }
        let digit = kept.filter { !components[$0].touchesBorder }.max { components[$0].mass < components[$1].mass }
        var digitStrokes: BoxAndWidth?  // measured once, when first needed
        var erased = false
        for index in candidates {
            let distances = distancesInside(index, labelling: labelling, width: width)
            let half = distances.maximum
            guard half >= minimumHalfWidth else { continue }
            let depth = distances.depthInWideParts(coreRadius: (half + 1) / 2)
            // The strokes: the component further than half the wide part's half-width beyond
            // it. Nearer, the frame and the wide part leave slivers in the corners between them.
            var strokes = BoxAndWidth()
            var wide: [Int] = []  // image indices of the wide part
            labelling.forEachPixel(of: index, width: width) { x, y in
                let i = distances.index(x: x, y: y)
                if depth[i] > 0 {
                    wide.append(y * width + x)
                } else if 2 * depth[i] <= -half {
                    strokes.add(x: x, y: y, distance: distances.values[i])
                }
            }
            // Less than a square of half the wide part's half-width is no digit: the strokes
            // are then the digit beside it.
            let ownStrokes = 36 * strokes.area >= Int(half) * Int(half)
            guard 9 * wide.count <= compactArea * Int(half) * Int(half),
                  let reference = ownStrokes ? strokes : digit.flatMap({ other in
                      // A digit, not a fragment of one: as tall as the object is half wide, with
                      // an eighth of its ink, and more ink than the rest that the frame cuts
                      // (in a digit cropped into pieces, most pieces are cut).
                      let o = components[other]
                      let cutElsewhere = candidates.reduce(0) { $0 + ($1 == index ? 0 : components[$1].area) }
                      guard 3 * o.height >= Int(half), 8 * o.area >= wide.count, o.area >= cutElsewhere else { return nil }
                      if digitStrokes == nil { digitStrokes = pixels(of: other, labelling: labelling, width: width) }
                      return digitStrokes
                  }),
                  let strokeHalfWidth = reference.halfWidth, let box = reference.box,
                  Float(half) >= widthRatio * strokeHalfWidth,
                  // A held digit lies inside the photo; a digit cropped to its ink (a marker 8 whose
                  // lower loop filled) is cut by the frame on both sides of its wide part.
                  box.x > 0, box.y > 0, box.maxX < width, box.maxY < height else { continue }
            var outside = 0, contact = 0
            for i in wide {
                let x = i % width, y = i / width
                if !box.contains(x: x, y: y) { outside += 1 }
                if x == 0 || y == 0 || x == width - 1 || y == height - 1 { contact += 1 }
            }
            // A component that is the object alone reaches the frame by the object, however its
            // wide part narrows there (a thumb's base is narrower than its tip); one with strokes
            // of its own may reach the frame by a stroke, and its wide part must itself touch it.
            if !ownStrokes { contact = max(contact, components[index].borderPixels) }
            guard 2 * outside >= wide.count, 3 * contact >= Int(half) else { continue }
            for i in wide { mask[i] = 0 }
            erased = true
        }
        return erased
    }

    /// The pixels of component `index`, with their distances to the outside.
    private static func pixels(of index: Int, labelling: ComponentLabels, width: Int) -> BoxAndWidth {
        let distances = distancesInside(index, labelling: labelling, width: width)
        var pixels = BoxAndWidth()
        labelling.forEachPixel(of: index, width: width) { x, y in
            pixels.add(x: x, y: y, distance: distances.values[distances.index(x: x, y: y)])
        }
        return pixels
    }

    private static func distancesInside(_ index: Int, labelling: ComponentLabels, width: Int) -> ChamferDistances {
        let label = Int32(index + 1)
        return labelling.labels.withUnsafeBufferPointer { l in
            ChamferDistances(box: labelling.components[index].box, imageWidth: width) { l[$0] == label }
        }
    }
}

/// The box of a set of stroke pixels and their typical half-width: twice the median distance to
/// the outside (across a stroke of even width the distances spread evenly from 0 to its
/// half-width), which a blob where strokes meet hardly moves.
private struct BoxAndWidth {
    var minX = Int.max, minY = Int.max, maxX = Int.min, maxY = Int.min
    var histogram: [Int] = []
    var area = 0

    mutating func add(x: Int, y: Int, distance: Int32) {
        minX = min(minX, x); minY = min(minY, y); maxX = max(maxX, x); maxY = max(maxY, y)
        let d = Int(distance)
        if d >= histogram.count { histogram += [Int](repeating: 0, count: d + 1 - histogram.count) }
        histogram[d] += 1
        area += 1
    }

    var box: PixelBox? { area > 0 ? PixelBox(x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1) : nil }

    /// In thirds of a pixel, as the chamfer distances; nil for no pixels.
    var halfWidth: Float? {
        guard area > 0 else { return nil }
        var seen = 0
        for (d, count) in histogram.enumerated() {
            seen += count
            if 2 * seen >= area { return 2 * Float(d) }
        }
        return nil
    }
}
