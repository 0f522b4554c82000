/// A digit drawn as rows of dots, as a canvas that paints one dot per mouse event leaves a fast
/// stroke: every dot is its own component, and a picture of one digit was read as one dot, a
/// line of digits as a digit per dot. Dots of about one size chain, each within `dotReach`
/// diameters of one already taken; `fewestDots` of them or more are a stroke. The dots are
/// looked for among the specks too: on a large canvas they are small against the picture.
///
/// In a picture of one digit, the chain is gathered when the digit found is a lone dot (a solid
/// region): a digit written in strokes never starts it. In lines of digits, each chain becomes
/// one piece when the chains hold more ink than the marks outside them, as in a drawing made of
/// dots: chalk dust or a paper's grain beside strokes stays as it is. A lone blot on a page has
/// no chain of its like.
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
        guard digit.members.count == 1, digit.isSmallDot(width: width, height: height),
              digit.isSolidRegion(labels: labels, width: width) else { return digit }
        var rest = groups().filter { g in
            g.members != digit.members && g.mayChain(to: digit) && g.isLooseDot(labels: labels, width: width)
        }
        let chain = Self.chain(from: digit, among: &rest)
        guard chain.count >= fewestDots else { return digit }
        return DigitGroup.joined(chain) ?? digit
    }

    /// `pieces` (one component each) with each chain of dots among them and `specks` made one
    /// piece, where the chains hold more ink than the pieces outside them; else `pieces`.
    static func withDotsChained(_ pieces: [DigitGroup], specks: [DigitGroup], labels: [Int32],
                                width: Int, height: Int) -> [DigitGroup] {
        var dots = (pieces + specks).filter { $0.isSmallDot(width: width, height: height) && $0.isLooseDot(labels: labels, width: width) }
        var chains: [DigitGroup] = []
        while !dots.isEmpty {
            let seed = dots.removeFirst()
            let chain = Self.chain(from: seed, among: &dots)
            if chain.count >= fewestDots, let joined = DigitGroup.joined(chain) { chains.append(joined) }
        }
        var isChained = Set<Int>()
        for chain in chains { isChained.formUnion(chain.members) }
        let others = pieces.filter { !isChained.contains($0.members[0]) }
        guard chains.reduce(0, { $0 + $1.mass }) > others.reduce(0, { $0 + $1.mass }) else { return pieces }
        return others + chains
    }

    /// The seed and the dots of `dots` that chain to it (each taken out of `dots`): about the
    /// seed's size, each within `dotReach` of its diameter of one already in the chain.
    private static func chain(from seed: DigitGroup, among dots: inout [DigitGroup]) -> [DigitGroup] {
        let reach = Int(dotReach * Float(max(seed.width, seed.height)))
        var chain = [seed]
        var next = 0
        // Breadth first: each dot taken is compared once with those left.
        while next < chain.count {
            let dot = chain[next]
            next += 1
            let near = dots.indices.filter { dots[$0].mayChain(to: seed) && dots[$0].isWithin(reach, of: dot) }
            chain += near.map { dots[$0] }
            for index in near.reversed() { dots.remove(at: index) }
        }
        return chain
    }

    /// Small against a `width` × `height` picture (`dotShare`): the size test before the
    /// distance transform.
    private func isSmallDot(width: Int, height: Int) -> Bool {
        Float(max(self.width, self.height)) <= Self.dotShare * Float(max(width, height))
    }

    /// Half to twice the size of `seed`, as dots of one brush are.
    private func mayChain(to seed: DigitGroup) -> Bool {
        let size = Float(max(width, height)), diameter = Float(max(seed.width, seed.height))
        return 2 * size >= diameter && size <= 2 * diameter
    }

    /// One component that the frame does not cut, a solid region.
    private func isLooseDot(labels: [Int32], width: Int) -> Bool {
        members.count == 1 && !touchesBorder && isSolidRegion(labels: labels, width: width)
    }
}
