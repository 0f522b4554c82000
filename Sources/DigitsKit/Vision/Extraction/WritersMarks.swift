/// Marks a writer adds to a digit, which the grouping took for parts of it: an underline (some
/// writers underline a 6 or a 9 to show which way up it stands; a form's answer is underlined)
/// and a ring drawn around the digit. Each is a stroke of its own, apart from the digit's: an
/// underline is a stacked piece under it, a ring's box holds it. Read with the digit, an
/// underlined 4 was a 1 and a ringed digit a 0.
extension DigitGroup {
    /// How far the middle of the digit's foot lies from either end of an underline, at least,
    /// as a share of the line's length: a 2's neck broken off its base ends over the base's end.
    static let footClearance: Float = 0.15
    /// The least paper between an underline and the digit, as a share of the digit's height: the
    /// base of a 2 that the pen broke off at the corner starts right under the neck's end.
    static let underlineGap: Float = 0.04
    /// The shortest digit a ring can hold, as a share of the ring's height: less is a dot or a
    /// speck inside a 0.
    static let ringedDigitShare: Float = 0.35
    /// A straight stroke inside a ring is a 1 when it leans at most this far from the vertical
    /// and spans at least this share of the ring's height; otherwise it is a 0's slash. Ringed
    /// 1s (`writers-marks.py` seeds 1–3 and 11, `circled`) leaned 1–33° and spanned 0.59–0.72
    /// of their ring; a slash kept inside a 0 (`style-digits.py`'s `short-slash0`) 34° and 0.44.
    static let ringedOneLean = 35 * Double.pi / 180
    static let ringedOneShare: Float = 0.55
    /// The widest disc inside a ring has a radius under this share of its longer side.
    static let ringStrokeShare: Float = 0.1

    /// The group without a member that is an underline or a ring around the rest (`components`
    /// and their `labels` in an image `width` wide), or the group itself.
    func withoutWritersMarks(components: [Component], labels: [Int32], width: Int) -> DigitGroup {
        guard members.count > 1 else { return self }
        for mark in members {
            let piece = DigitGroup(components[mark], index: mark)
            guard let digit = DigitGroup.joined(members.filter { $0 != mark }.map { DigitGroup(components[$0], index: $0) })
            else { continue }
            if piece.isUnderline(of: digit, labels: labels, width: width)
                || piece.isRing(around: digit, labels: labels, width: width) {
                return digit
            }
        }
        return self
    }

    /// A flat straight bar under the digit, apart from it by at least `underlineGap` of its
    /// height in every column they share, which reaches at least as far as the digit on both
    /// sides: quick underlines reached only 5–6 % of its height past a 7's arm or a 0 on their
    /// shorter side (`writers-marks.py` seeds 2, 3 and 15), so the base of a 2 drawn apart from its neck is
    /// told by where the foot stands over it and by the gap.
    private func isUnderline(of digit: DigitGroup, labels: [Int32], width: Int) -> Bool {
        guard minX <= digit.minX && maxX >= digit.maxX,
              let foot = digit.footMiddle(labels: labels, width: width),
              Float(min(foot - minX, maxX - foot)) >= Self.footClearance * Float(self.width),
              let gap = rowsBelow(digit, labels: labels, width: width),
              Float(gap) >= Self.underlineGap * Float(digit.height) else { return false }
        return isFlatBar(labels: labels, width: width)
    }

    /// The mean column of the ink in the group's lowest tenth of rows.
    private func footMiddle(labels: [Int32], width: Int) -> Int? {
        let isMine = memberLabels()
        var sum = 0, count = 0
        for y in max(minY, maxY - height / 10)...maxY {
            for x in minX...maxX where isMine(labels[y * width + x]) { sum += x; count += 1 }
        }
        return count > 0 ? sum / count : nil
    }

    /// The fewest paper rows between `digit`'s lowest ink and this group's highest, over the
    /// columns where both have ink; nil where none has, or where this group's ink reaches
    /// above the digit's.
    private func rowsBelow(_ digit: DigitGroup, labels: [Int32], width: Int) -> Int? {
        let isMine = memberLabels(), isDigits = digit.memberLabels()
        var fewest: Int?
        for x in digit.minX...digit.maxX {
            guard let foot = (digit.minY...digit.maxY).reversed().first(where: { isDigits(labels[$0 * width + x]) }),
                  let top = (minY...maxY).first(where: { isMine(labels[$0 * width + x]) }) else { continue }
            fewest = min(fewest ?? Int.max, top - foot - 1)
        }
        return fewest.flatMap { $0 >= 0 ? $0 : nil }
    }

    /// A stroke around the digit, which a line from the digit's middle meets in each of eight
    /// directions; no region (a pool of light around a dark digit, read inverted, is one); the
    /// digit at least `ringedDigitShare` of its height, no round blot (a phone app's chosen
    /// colour button is a disc in a ring) and, if one straight stroke, a ringed 1 rather than
    /// a 0's slash (`ringedOneLean`, `ringedOneShare`).
    private func isRing(around digit: DigitGroup, labels: [Int32], width: Int) -> Bool {
        guard box.encloses(digit.box), Float(digit.height) >= Self.ringedDigitShare * Float(height),
              surrounds(x: (digit.minX + digit.maxX) / 2, y: (digit.minY + digit.maxY) / 2, labels: labels, width: width),
              !isSolidRegion(labels: labels, width: width, share: Self.ringStrokeShare),
              !digit.isSolidRegion(labels: labels, width: width, share: Self.blotRadiusShare) else { return false }
        guard let lean = digit.straightStrokeLean(labels: labels, width: width) else { return true }
        return lean <= Self.ringedOneLean && Float(digit.height) >= Self.ringedOneShare * Float(height)
    }

    /// Whether the group's ink lies on every line from (x, y) to the edge of its box, in the
    /// eight directions of the compass: the ink of other strokes only partly around a piece
    /// (the body of a 5 beside its foot drawn apart) leaves a way out.
    private func surrounds(x: Int, y: Int, labels: [Int32], width: Int) -> Bool {
        let isMine = memberLabels()
        return [(1, 0), (1, 1), (0, 1), (-1, 1), (-1, 0), (-1, -1), (0, -1), (1, -1)].allSatisfy { step in
            var (px, py) = (x, y)
            while px >= minX && px <= maxX && py >= minY && py <= maxY {
                if isMine(labels[py * width + px]) { return true }
                (px, py) = (px + step.0, py + step.1)
            }
            return false
        }
    }
}
