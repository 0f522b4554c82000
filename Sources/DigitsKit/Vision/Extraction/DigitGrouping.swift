/// Components that make one digit: a 5 whose hat was lifted off the page, a 4 or a 7 drawn in
/// two strokes, a digit cut in two by an erased ruled line.
struct DigitGroup {
    var minX: Int, minY: Int, maxX: Int, maxY: Int  // inclusive
    var members: [Int]
    var mass: Float
    var touchesBorder: Bool

    var width: Int { maxX - minX + 1 }
    var height: Int { maxY - minY + 1 }
    var box: PixelBox { PixelBox(x: minX, y: minY, width: width, height: height) }

    init(_ c: Component, index: Int) {
        minX = c.minX; minY = c.minY; maxX = c.maxX; maxY = c.maxY
        members = [index]
        mass = c.mass
        touchesBorder = c.touchesBorder
    }

    /// Whether a pixel's label (1 + a component's index; 0 for paper) is one of the group's
    /// members: a flag per label, looked up per pixel much more cheaply than a set.
    func memberLabels() -> (Int32) -> Bool {
        var isMember = [Bool](repeating: false, count: (members.max() ?? 0) + 2)
        for index in members { isMember[index + 1] = true }
        return { label in Int(label) < isMember.count && isMember[Int(label)] }
    }

    /// Stacked pieces of one digit: they share most of the narrower one's columns, the gap
    /// between them is small next to the taller, and together they are at most `stackLimit`
    /// times the taller's height, or the height of the digits around them, whichever is more
    /// (less than two digits on two lines would be: a faint 5 broken in three short pieces is
    /// taller than 1.7 of its tallest piece). Where the gap is a sliver (`penSkipShare`) and the
    /// frame cuts neither piece, the limit is a broken digit's even in lines of digits: a 1 or a
    /// display digit cut across the middle was read as a digit on each of two lines.
    ///
    /// A short piece (at most 2/5 of the taller's height or of the digits', at most twice as
    /// wide as the taller is tall — a 5's hat) needs only to share some columns: a hat lifted off
    /// the page often drifts to the right of the body, over the gap before the next digit, and a
    /// quick flat hat can be wider than the 5's round body and a third of its height. Beside
    /// whole digits the hat is measured on them too: without its hat a 5's body is short. A hat
    /// may drift right past the body (`isDriftedHat`).
    func belongs(with other: DigitGroup, stackLimit: Float, digitHeight: Int) -> Bool {
        let overlap = min(maxX, other.maxX) - max(minX, other.minX) + 1
        let taller = max(height, other.height)
        let (short, tall) = height <= other.height ? (self, other) : (other, self)
        let isHat = 5 * short.height <= 2 * max(taller, digitHeight) && short.width <= 2 * taller
            && (overlap > 0 || short.isDriftedHat(of: tall))
        guard 2 * overlap >= min(width, other.width) || isHat else { return false }
        let gap = max(minY, other.minY) - min(maxY, other.maxY) - 1
        let merged = max(maxY, other.maxY) - min(minY, other.minY) + 1
        // Not where the frame cuts a piece: a neighbouring digit's two pieces, joined, were too
        // tall to drop as a fragment of it.
        let isPenSkip = !touchesBorder && !other.touchesBorder && Float(gap) <= Self.penSkipShare * Float(merged)
        let limit = isPenSkip ? max(stackLimit, Self.brokenDigitStack) : stackLimit
        return Float(gap) <= 0.35 * Float(taller) && Float(merged) <= limit * Float(max(taller, digitHeight))
    }

    /// Whether this short piece is a hat that drifted right past `body`: flat, half as wide
    /// again as tall at least (a degree sign or a dot is round), its middle in the body's top
    /// third, and no further right of it than a part of one digit (`closePartReach`), where the
    /// next digit is further off.
    func isDriftedHat(of body: DigitGroup) -> Bool {
        minX > body.maxX && minX - body.maxX <= max(1, body.height * Self.closePartReach / 100)
            && 2 * width >= 3 * height && 3 * (minY + maxY - 2 * body.minY) <= 2 * body.height
    }

    /// The widest gap, as a share of the two pieces' height together, that a pen skipping
    /// leaves across a stroke; lines of digits lie further apart (a tenth of two lines' height
    /// and more).
    static let penSkipShare: Float = 0.08

    /// Whether `other`'s box comes within `reach` pixels of this one's on both axes (boxes that
    /// overlap on an axis are 0 apart on it).
    func isWithin(_ reach: Int, of other: DigitGroup) -> Bool {
        max(other.minX - maxX, minX - other.maxX) <= reach && max(other.minY - maxY, minY - other.maxY) <= reach
    }

    /// One group of all of `pieces`; nil for none.
    static func joined(_ pieces: [DigitGroup]) -> DigitGroup? {
        guard var group = pieces.first else { return nil }
        for piece in pieces.dropFirst() { group.absorb(piece) }
        return group
    }

    mutating func absorb(_ other: DigitGroup) {
        minX = min(minX, other.minX); minY = min(minY, other.minY)
        maxX = max(maxX, other.maxX); maxY = max(maxY, other.maxY)
        members += other.members
        mass += other.mass
        touchesBorder = touchesBorder || other.touchesBorder
    }

    /// How tall (times the taller piece) stacked pieces may be together: in lines of digits,
    /// less than two lines; in a picture of one digit, two pieces of nearly its height.
    static let lineStack: Float = 1.7
    static let brokenDigitStack: Float = 2.2

    /// Merges groups that belong together (see `belongs`) until nothing changes: in lines of
    /// digits (`inLines`) under `lineStack`, with the digits' height the median height of the
    /// groups (most are whole digits); in a picture of one digit under `brokenDigitStack`.
    static func merge(_ groups: [DigitGroup], inLines: Bool) -> [DigitGroup] {
        var groups = groups
        let stackLimit = inLines ? lineStack : brokenDigitStack
        let digitHeight = inLines ? Int(median(groups.map { Float($0.height) })) : 0
        var merged = true
        while merged {
            merged = false
            outer: for i in groups.indices {
                for j in groups.indices where j > i && groups[i].belongs(with: groups[j], stackLimit: stackLimit, digitHeight: digitHeight) {
                    groups[i].absorb(groups[j])
                    groups.remove(at: j)
                    merged = true
                    break outer
                }
            }
        }
        return groups
    }

    /// Groups whose centres lie in the same box of a comb made one piece each of that box's
    /// digit: a faint 3 broken in four pieces was read as four digits.
    static func merged(_ groups: [DigitGroup], byCell cells: [PixelBox]) -> [DigitGroup] {
        var groups = groups
        for cell in cells {
            let inside = groups.indices.filter { cell.contains(x: (groups[$0].minX + groups[$0].maxX) / 2, y: (groups[$0].minY + groups[$0].maxY) / 2) }
            guard let first = inside.first, inside.count > 1 else { continue }
            for i in inside.dropFirst() { groups[first].absorb(groups[i]) }
            for i in inside.dropFirst().reversed() { groups.remove(at: i) }
        }
        return groups
    }

    /// For several digits: drops pieces of neighbouring digits cut by the frame (touching a
    /// border and much shorter than the digits that do not), stray marks much smaller than the
    /// typical digit, and flat strokes — the dashes between the groups of a phone number, an
    /// underline: under 0.35 of the typical digit's height and twice as wide as tall or more,
    /// which no digit is, however much ink the pen left.
    static func plausibleDigits(_ groups: [DigitGroup]) -> [DigitGroup] {
        guard groups.count > 1 else { return groups }
        let inside = groups.filter { !$0.touchesBorder }
        let typicalHeight = median((inside.isEmpty ? groups : inside).map { Float($0.height) })
        let typicalMass = median(groups.map(\.mass))
        return groups.filter { g in
            if g.touchesBorder && !inside.isEmpty && Float(g.height) < 0.6 * typicalHeight { return false }
            let short = Float(g.height) < 0.35 * typicalHeight
            return !(short && (g.mass < 0.15 * typicalMass || g.width >= 2 * g.height))
        }
    }

    /// The one digit of a picture that shows one: the heaviest group, except that a group the
    /// frame cuts (touching the border) loses to a whole one inside it of at least a quarter
    /// of its ink — a photo centred on a 1 often catches more of the neighbouring 4 or 3 than
    /// of the 1 itself, while a stray mark inside the frame stays too light to win. Before
    /// that, a mark that is no writing (`isNotWriting`: a round blot, a flat bar) loses to any
    /// other group: a scanned page's punch holes and staple are heavier than a small thin digit.
    static func singleDigit(_ groups: [DigitGroup], isNotWriting: (DigitGroup) -> Bool) -> DigitGroup? {
        guard var heaviest = groups.max(by: { $0.mass < $1.mass }) else { return nil }
        var groups = groups
        if isNotWriting(heaviest) {
            let others = groups.filter { $0.members != heaviest.members && !isNotWriting($0) }
            if let next = others.max(by: { $0.mass < $1.mass }) { (groups, heaviest) = (others, next) }
        }
        guard heaviest.touchesBorder,
              let inside = groups.filter({ !$0.touchesBorder }).max(by: { $0.mass < $1.mass }),
              4 * inside.mass >= heaviest.mass else { return heaviest }
        return inside
    }

    /// `digit` with the other groups whose boxes come within a few percent of its height of
    /// its own (repeatedly): in a picture of one digit, a stroke that the pen lifted off for
    /// an instant — a 9's stem beside its loop — is part of it, while neighbouring digits sit
    /// further away than that.
    static func withCloseParts(_ digit: DigitGroup, among groups: [DigitGroup]) -> DigitGroup {
        var digit = digit
        var rest = groups.filter { $0.members != digit.members }
        var grew = true
        while grew {
            grew = false
            let reach = max(1, digit.height * closePartReach / 100)
            if let k = rest.firstIndex(where: { $0.isWithin(reach, of: digit) }) {
                digit.absorb(rest.remove(at: k))
                grew = true
            }
        }
        return digit
    }

    /// How close (percent of the digit's height) a piece must come to count as part of it.
    /// Neighbouring digits in a line of writing sit 10–30 % of a digit's height apart.
    static let closePartReach = 8

    /// Lines top to bottom, each left to right: a digit joins the line whose vertical extent
    /// holds its centre.
    static func readingOrder(_ groups: [DigitGroup]) -> [[DigitGroup]] {
        var lines: [(minY: Int, maxY: Int, groups: [DigitGroup])] = []
        for g in groups.sorted(by: { $0.minY + $0.maxY < $1.minY + $1.maxY }) {
            let centre = (g.minY + g.maxY) / 2
            if let i = lines.firstIndex(where: { $0.minY <= centre && centre <= $0.maxY }) {
                lines[i].groups.append(g)
                lines[i].minY = min(lines[i].minY, g.minY)
                lines[i].maxY = max(lines[i].maxY, g.maxY)
            } else {
                lines.append((g.minY, g.maxY, [g]))
            }
        }
        return lines.sorted { $0.minY + $0.maxY < $1.minY + $1.maxY }
            .map { $0.groups.sorted { $0.minX < $1.minX } }
    }
}

func median(_ values: [Float]) -> Float {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}
