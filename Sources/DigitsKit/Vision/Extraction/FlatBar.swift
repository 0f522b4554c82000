/// A straight stroke lying closer to the horizontal than to the vertical: a staple in a scanned
/// page's corner, a rule or a dash drawn apart from the writing. The 1 is the only straight
/// digit, and few writers' 1s lean past 45°; every other digit bends or has a second stroke. So
/// in a picture of one digit such a bar loses to any other mark, as a round blot does, and among
/// several digits it is dropped when it makes a line of its own (in a line of digits, it is a 1
/// in hard italics); alone it is still read.
extension DigitGroup {
    /// The most a bar's spread across its axis may be, as a share of its spread along it: a
    /// staple or a pen's line is a few percent; a 1 with a flag or a base, or any bent stroke,
    /// is well over this.
    static let barThinness: Float = 0.15

    /// Whether the group's pixels (`labels` of its members, an image `width` wide) form a thin
    /// straight bar whose axis is nearer the horizontal than the vertical.
    func isFlatBar(labels: [Int32], width: Int) -> Bool {
        // A bar nearer the horizontal is at least as wide as tall: a cheap test first.
        guard self.width >= self.height, let moments = barMoments(labels: labels, width: width) else { return false }
        // Along a line at angle θ to the horizontal the x spread is cos²θ of the whole and the
        // y spread sin²θ: the axis is nearer the horizontal when the x spread is the larger.
        return moments.varianceX > moments.varianceY
    }

    /// The angle in radians between the vertical and the axis of the thin straight bar that the
    /// group's pixels form; nil when they form none.
    func straightStrokeLean(labels: [Int32], width: Int) -> Double? {
        barMoments(labels: labels, width: width).map { Double.pi / 2 - abs($0.axisAngle) }
    }

    /// The second moments of the group's pixels when they form a thin straight bar; nil otherwise.
    private func barMoments(labels: [Int32], width: Int) -> SecondMoments? {
        guard let moments = SecondMoments(labels: labels, width: width, columns: minX...maxX, rows: minY...maxY,
                                          isMember: memberLabels()) else { return nil }
        return moments.isThinBar ? moments : nil
    }
}

extension SecondMoments {
    /// Whether the pixels form a thin straight bar at any angle: their spread across their axis
    /// at most `DigitGroup.barThinness` of their spread along it.
    var isThinBar: Bool {
        let thinness = Double(DigitGroup.barThinness)
        return across <= thinness * thinness * along
    }
}
