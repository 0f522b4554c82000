/// A digit drawn as rows of dots, as a canvas that paints one dot per mouse event leaves a fast
/// stroke: every dot is its own component, and a picture of one digit was read as one dot. In a
/// picture of one digit, when the digit found is a lone dot (a solid region), the dots of about
/// its size that chain to it, each within `dotReach` diameters of one already taken, are the
/// digit, if there are at least `fewestDots` of them. The dots are looked for among the specks
/// too: on a large canvas they are small against the picture. A digit written in strokes never
/// starts this; a lone blot on a page has no chain of its like.
extension DigitGroup {
    /// How far apart (in dot diameters, between their boxes) two dots of one stroke may be.
    static let dotReach: Float = 3
    /// Fewer dots than this are stray marks, not a digit.
    static let fewestDots = 5
    /// A dot is small against the picture: at most this share of its longer side.
    static let dotShare: Float = 0.1

    /// The digit with the dots that chain to it, or the digit as it is; `labels` label a
    /// `width` × `height` picture. `groups` are gathered only for a digit that is a dot.
    static func withDottedStrokes(_ digit: DigitGroup, among groups: @autoclosure () -> [DigitGroup], labels: [Int32],
                                  width: Int, height: Int) -> DigitGroup {
        // The size test first: it spares a digit of strokes the distance transform.
        guard digit.members.count == 1, Float(max(digit.width, digit.height)) <= dotShare * Float(max(width, height)),
              digit.isSolidRegion(labels: labels, width: width) else { return digit }
        let diameter = Float(max(digit.width, digit.height))
        var rest = groups().filter { g in
            let size = Float(max(g.width, g.height))
            return g.members.count == 1 && g.members != digit.members && !g.touchesBorder
                && 2 * size >= diameter && size <= 2 * diameter && g.isSolidRegion(labels: labels, width: width)
        }
        let reach = Int(dotReach * diameter)
        var chain = [digit]
        var grew = true
        while grew {
            grew = false
            if let k = rest.firstIndex(where: { g in chain.contains { g.isWithin(reach, of: $0) } }) {
                chain.append(rest.remove(at: k))
                grew = true
            }
        }
        guard chain.count >= fewestDots else { return digit }
        return DigitGroup.joined(chain) ?? digit
    }
}
