import Foundation

/// A digit drawn the way a display shows it, every bar its own stroke with gaps at the corners:
/// the bars are separate components, too far apart for the grouping of broken strokes (a gap
/// of a fifth of a bar's length is wide next to a bar's thickness), so a picture of one digit
/// was read as its heaviest bar (a 2 read as 7, a 5 as 1). In a picture of one digit, when the
/// digit found is made of straight bars only, the straight bars of the same pen close to it
/// are its other segments. A digit written in curves never starts this, and a neighbour cut by
/// the frame or a pen lying on the desk (far thicker than the strokes) never joins.
extension DigitGroup {
    /// A straight bar is at least this many times longer than thick.
    static let barElongation: Float = 3
    /// How close a bar must come to the digit's box to be one of its segments, times the
    /// longest bar's length: a display's corner gaps are a fraction of a bar.
    static let segmentReach: Float = 0.5

    /// The digit with the straight bars that are its other segments (repeatedly), or the digit
    /// as it is when it is not made of straight bars only.
    static func withSegments(_ digit: DigitGroup, among groups: [DigitGroup], labelling: ComponentLabels, width: Int) -> DigitGroup {
        var shapes: [Int: StraightBar?] = [:]
        func bar(_ index: Int) -> StraightBar? {
            if let known = shapes[index] { return known }
            let shape = StraightBar(component: index, labelling: labelling, width: width)
            shapes[index] = shape
            return shape
        }
        let own = digit.members.compactMap(bar)
        guard own.count == digit.members.count else { return digit }
        let pen = median(own.map(\.thickness))
        var longest = own.map(\.length).max() ?? 0
        var digit = digit
        let taken = Set(digit.members)
        var rest = groups.filter { g in
            !g.members.contains(where: taken.contains) && !g.touchesBorder && g.members.allSatisfy { index in
                bar(index).map { $0.thickness <= 2 * pen && 2 * $0.thickness >= pen } ?? false
            }
        }
        var grew = true
        while grew {
            grew = false
            let reach = Int(segmentReach * longest)
            if let k = rest.firstIndex(where: { $0.isWithin(reach, of: digit) }) {
                let segment = rest.remove(at: k)
                longest = max(longest, segment.members.compactMap { bar($0)?.length }.max() ?? 0)
                digit.absorb(segment)
                grew = true
            }
        }
        return digit
    }
}

/// A component's shape as a straight bar, from the second moments of its pixels (`SecondMoments`).
struct StraightBar {
    let length: Float
    let thickness: Float

    /// Nil unless component `index` is at least `DigitGroup.barElongation` times longer than thick.
    init?(component index: Int, labelling: ComponentLabels, width: Int) {
        let c = labelling.components[index], label = Int32(index + 1)
        guard let moments = SecondMoments(labels: labelling.labels, width: width, columns: c.minX...c.maxX,
                                          rows: c.minY...c.maxY, isMember: { $0 == label }) else { return nil }
        length = Float((12 * moments.along).squareRoot())
        thickness = Float((12 * max(moments.across, 1.0 / 12)).squareRoot())
        guard length >= DigitGroup.barElongation * thickness else { return nil }
    }
}
