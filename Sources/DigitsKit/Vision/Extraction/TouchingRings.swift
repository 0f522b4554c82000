import Foundation

/// A ring drawn around a digit (a chosen answer, a result marked on a form) that touches it is
/// one component with the digit, which `WritersMarks` (for a ring drawn apart) cannot take apart:
/// read with it, a ringed 4 or 7 was a 0 and a ringed 2 an 8.
///
/// Such a ring is the component's outer stroke. Seen from the middle of the component's box,
/// paper lies just inside it in every direction, and it is about as thick all round (but where
/// the digit touches it) and thin for its size, and with all it encloses it is an oval. What
/// lies deeper than that stroke is the digit: it must be at least `digitShare` of the ring's
/// height, stand apart from the ring but for a few places and not be one straight stroke (a
/// slashed zero is a ring with a bar inside), unless other marks stand in the ring too. The ring
/// is erased, and with it the digit's ink within a quarter of a ring's thickness of it, where the
/// two strokes met.
enum TouchingRings {
    /// The directions from the box's middle in which the ring's thickness is measured.
    static let directions = 32
    /// The share of directions, at least, in which the ring is about as thick as its median: a
    /// digit touching it makes it look thicker in a few.
    static let steadyShare: Float = 0.75
    /// The thickest ring, as a share of the component's shorter side: the stroke of a fat 0
    /// with a speck inside is no ring.
    static let thickestShare: Float = 0.15
    /// The shortest digit a ring can hold, as a share of the ring's height: a 0 whose pen curled
    /// inward as it closed holds a short hook, a ringed digit fills much of its ring.
    static let digitShare: Float = 0.55
    /// The most of the digit's ink that may lie within a ring's thickness of the ring: a ringed
    /// digit touches it in a place or two (under a sixth of its ink, in `writers-marks.py`
    /// `circled`), while a 0 the pen went round twice holds its second pass all along the first
    /// (three fifths and more).
    static let besideRingShare: Float = 0.25
    /// The least share of its convex hull that the ring with all it encloses fills: a ring is
    /// an oval (0.98 and more in `circled`), an 8 is waisted and a slash through a 0 sticks out
    /// of it (under 0.92).
    static let convexShare: Float = 0.95
    /// Smaller marks are left alone: too few pixels to tell a ring's thickness.
    static let smallestSide = 20

    /// Erases from `mask` (paper 0) the rings drawn around and against the `kept` components of
    /// `labelling`. Whether it erased any: the mask must then be labelled again.
    static func cut(from mask: inout [UInt8], labelling: ComponentLabels, kept: [Int], width: Int) -> Bool {
        var isKept = [Bool](repeating: false, count: labelling.components.count + 1)
        for index in kept { isKept[index + 1] = true }
        return labelling.erase(from: &mask, kept: kept) { ringPixels(of: $0, labelling: labelling, isKept: isKept, width: width) }
    }

    /// The image indices of the ring's pixels when component `index` is a digit with a ring
    /// drawn against it; nil otherwise. `isKept[label]`: whether that component is kept.
    private static func ringPixels(of index: Int, labelling: ComponentLabels, isKept: [Bool], width: Int) -> [Int]? {
        let c = labelling.components[index], label = Int32(index + 1), box = c.box
        guard c.width >= smallestSide, c.height >= smallestSide else { return nil }
        // The box with a ring of paper around it, as `ChamferDistances` lays it out.
        let w = box.width + 2, h = box.height + 2
        func imageIndex(_ i: Int) -> Int { (i / w - 1 + box.y) * width + i % w - 1 + box.x }
        var isInk = [Bool](repeating: false, count: w * h)
        for y in 0..<box.height {
            for x in 0..<box.width where labelling.labels[(box.y + y) * width + box.x + x] == label {
                isInk[(y + 1) * w + x + 1] = true
            }
        }
        // An oval with paper inside, first: the cheap test that most digits fail.
        let enclosed = GridFlood.enclosed(by: isInk, width: w, height: h)
        guard enclosed.indices.contains(where: { enclosed[$0] && !isInk[$0] }), isConvex(enclosed, width: w, height: h)
        else { return nil }
        // How far each enclosed place lies from the paper outside the component.
        let depth = ChamferDistances(box: box, imageWidth: width) { i in
            enclosed[(i / width - box.y + 1) * w + i % width - box.x + 1]
        }.values

        // In each direction, the ring is as thick as the shallowest paper inside it lies deep.
        let middleX = Float(w - 1) / 2, middleY = Float(h - 1) / 2
        func direction(_ i: Int) -> Int {
            let angle = atan2(Float(i / w) - middleY, Float(i % w) - middleX)
            return min(directions - 1, Int((angle + .pi) / (2 * .pi) * Float(directions)))
        }
        var thickness = [Int32](repeating: .max, count: directions)
        for i in 0..<(w * h) where enclosed[i] && !isInk[i] {
            let d = direction(i)
            thickness[d] = min(thickness[d], depth[i])
        }
        guard !thickness.contains(.max) else { return nil }
        let median = thickness.sorted()[directions / 2]
        let isSteady = thickness.map { 2 * $0 <= 3 * median }
        guard Float(isSteady.filter { $0 }.count) >= steadyShare * Float(directions),
              Float(median) / Float(ChamferDistances.straightStep) <= thickestShare * Float(min(box.width, box.height))
        else { return nil }

        // The ring: ink no deeper than the paper inside it in its direction (the median where
        // the digit touches it), with a quarter of that to spare for a wobbling pen.
        var ring: [Int] = [], inside = [UInt8](repeating: 0, count: w * h)
        for i in 0..<(w * h) where isInk[i] {
            let d = direction(i), limit = isSteady[d] ? thickness[d] : median
            if 4 * depth[i] <= 5 * limit {
                ring.append(imageIndex(i))
            } else {
                inside[i] = 1
            }
        }
        // The digit is the largest piece inside: bits of a ring thicker in places lie there too.
        let pieces = ComponentLabels(mask: inside, ink: GrayImage(width: w, height: h))
        guard let largest = pieces.components.indices.max(by: { pieces.components[$0].area < pieces.components[$1].area }),
              Float(pieces.components[largest].height) >= digitShare * Float(box.height) else { return nil }
        let digitLabel = Int32(largest + 1)
        let digitDepths = (0..<(w * h)).filter { pieces.labels[$0] == digitLabel }.map { depth[$0] }
        // Twice as deep as the ring's inside edge: within a ring's thickness of it.
        let besideRing = digitDepths.filter { $0 <= 2 * median }.count
        guard Float(besideRing) <= besideRingShare * Float(digitDepths.count),
              let moments = SecondMoments(labels: pieces.labels, width: w, columns: 0...(w - 1), rows: 0...(h - 1),
                                          isMember: { $0 == digitLabel }) else { return nil }
        // One straight stroke inside is a slashed zero's, unless the ring holds other marks too:
        // the 1 of a ringed number, touching the ring.
        guard moments.isThinBar else { return ring }
        let holdsOthers = (0..<(w * h)).contains { i in
            guard enclosed[i] && !isInk[i] else { return false }
            let other = labelling.labels[imageIndex(i)]
            return other != 0 && isKept[Int(other)]
        }
        return holdsOthers ? ring : nil
    }

    /// Whether the `region` (cells of a grid `width` × `height`) fills at least `convexShare`
    /// of its convex hull.
    private static func isConvex(_ region: [Bool], width w: Int, height h: Int) -> Bool {
        let hull = ConvexOutline(rows: h) { y in
            guard let first = (0..<w).first(where: { region[y * w + $0] }) else { return nil }
            return (first, (0..<w).last { region[y * w + $0] }!)
        }
        return Float(region.filter { $0 }.count) >= convexShare * hull.area
    }
}
