/// A digit drawn as rows of dots, as a canvas that paints one dot per mouse event leaves a fast
/// stroke: every dot is its own component, and a picture of one digit was read as one dot, a
/// line of digits as a digit per dot. Dots of about one size chain, each within `dotReach`
/// diameters of one already taken; `fewestDots` of them or more are a stroke. The dots are
/// looked for among the specks too: on a large canvas they are small against the picture.
///
/// In a picture of one digit, the chain is gathered when the digit found is a lone dot (a solid
/// region): a digit written in strokes never starts it. In lines of digits, each chain becomes
/// one piece when the chains hold more ink than the marks outside them, as in a drawing made of
/// dots: chalk dust or a paper's grain beside strokes stays as it is. There a chain also takes
/// the runs of small dots that the closing joined (pieces whose stroke is as wide as a dot),
/// while it holds as many lone dots as runs: a decimal point is no chain. A lone blot on a page
/// has no chain of its like.
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
        let seed = Bead(dot: digit)
        var rest = groups().filter { g in
            g.members != digit.members && Bead(dot: g).mayChain(to: seed) && g.isLooseDot(labels: labels, width: width)
        }.map(Bead.init(dot:))
        let chain = Self.chain(from: seed, among: &rest)
        guard chain.count >= fewestDots else { return digit }
        return DigitGroup.joined(chain.map(\.group)) ?? digit
    }

    /// `pieces` (one component each) with each chain of dots among them and `specks` made one
    /// piece, with the runs of dots among `pieces` it reaches, where the chains hold more ink
    /// than the pieces outside them; else `pieces`.
    static func withDotsChained(_ pieces: [DigitGroup], specks: [DigitGroup], labels: [Int32],
                                width: Int, height: Int) -> [DigitGroup] {
        let dots = (pieces + specks).filter { $0.isSmallDot(width: width, height: height) && $0.isLooseDot(labels: labels, width: width) }
        guard dots.count >= fewestDots else { return pieces }
        let isDot = Set(dots.map { $0.members[0] })
        var beads = dots.map(Bead.init(dot:)) + pieces.filter { !isDot.contains($0.members[0]) && !$0.touchesBorder }
            .map { Bead(run: $0, brush: 2 * $0.inscribedRadius(labels: labels, width: width)) }
        var chains: [DigitGroup] = []
        while let first = beads.firstIndex(where: \.isDot) {
            let chain = Self.chain(from: beads.remove(at: first), among: &beads)
            let dotCount = chain.filter(\.isDot).count
            if dotCount >= fewestDots, 2 * dotCount >= chain.count, let joined = DigitGroup.joined(chain.map(\.group)) {
                chains.append(joined)
            }
        }
        var isChained = Set<Int>()
        for chain in chains { isChained.formUnion(chain.members) }
        let others = pieces.filter { !isChained.contains($0.members[0]) }
        guard chains.reduce(0, { $0 + $1.mass }) > others.reduce(0, { $0 + $1.mass }) else { return pieces }
        return others + chains
    }

    /// A dot, or a run of dots joined into one piece, with the width of the brush that drew it.
    private struct Bead {
        var group: DigitGroup
        var brush: Float
        var isDot: Bool

        init(dot: DigitGroup) { (self.group, self.brush, self.isDot) = (dot, Float(max(dot.width, dot.height)), true) }
        init(run: DigitGroup, brush: Float) { (self.group, self.brush, self.isDot) = (run, brush, false) }

        /// Half to twice the brush of `seed`, as the dots of one brush are.
        func mayChain(to seed: Bead) -> Bool { 2 * brush >= seed.brush && brush <= 2 * seed.brush }
    }

    /// The seed and the beads of `beads` that chain to it (each taken out of `beads`): of about
    /// the seed's brush, each within `dotReach` of its width of one already in the chain.
    private static func chain(from seed: Bead, among beads: inout [Bead]) -> [Bead] {
        let reach = Int(dotReach * seed.brush)
        var chain = [seed]
        var next = 0
        // Breadth first: each bead taken is compared once with those left.
        while next < chain.count {
            let taken = chain[next].group
            next += 1
            let near = beads.indices.filter { beads[$0].mayChain(to: seed) && beads[$0].group.isWithin(reach, of: taken) }
            chain += near.map { beads[$0] }
            for index in near.reversed() { beads.remove(at: index) }
        }
        return chain
    }

    /// Small against a `width` × `height` picture (`dotShare`): the size test before the
    /// distance transform.
    private func isSmallDot(width: Int, height: Int) -> Bool {
        Float(max(self.width, self.height)) <= Self.dotShare * Float(max(width, height))
    }

    /// One component that the frame does not cut, a solid region.
    private func isLooseDot(labels: [Int32], width: Int) -> Bool {
        members.count == 1 && !touchesBorder && isSolidRegion(labels: labels, width: width)
    }
}
