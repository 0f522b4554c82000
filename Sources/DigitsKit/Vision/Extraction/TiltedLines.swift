import Foundation

/// Long thin straight lines at any angle: a ruled or squared page photographed a little turned,
/// a fold's crease. `MaskMorphology.removeRuledLines` follows rows and columns, and a line
/// turned by more than half a degree drifts off its row before it is long enough to count, so
/// it stayed ink, joined the digit it crossed into one mark, and was read with it. A line is
/// found where a Hough transform of a pooled copy of the ink votes for one, then fitted and
/// measured on the full picture: it must run across most of the frame, thin for its length,
/// and is erased where it is thin. Where a stroke crosses it (the ink across the line is wider
/// than a line), the crossing is kept, so a digit written across it stays whole.
enum TiltedLines {
    /// The pooled copy's longer side at most: lines voted for there are about a pixel wide.
    static let pooledSide = 256
    /// The transform's angle step, in degrees: a line on the pooled copy drifts less than a
    /// pixel over its length between two steps.
    static let angleStep = 0.5
    /// How much of its path across the frame a line covers at least (ink or a stroke crossing
    /// it, with gaps of JPEG noise between): ruled lines and creases run from edge to edge; a
    /// straight stroke of a digit does not.
    static let frameCover = 0.75
    /// The longest gap in a line, as a share of its path across the picture: a crease fades
    /// where the page's shade changes, and a faint line breaks up after JPEG compression.
    static let gapShare = 0.08
    /// How much of a line's stretch has ink on the line at least.
    static let coveredShare = 0.6
    /// How much of a line's inked length is the line alone (no stroke across or along it) at least.
    static let thinShare = 0.5
    /// The widest ink across a line, in pixels of the working picture: ruled lines are 1-3 px
    /// there, and blur and JPEG spread them by a pixel or two each side.
    static let widestLine = 6
    /// The most candidate lines measured, most votes first: a page of squared paper has some
    /// 60 lines; the rest are a digit's strokes and noise voting together.
    static let maximumCandidates = 128
    /// A line parallel to one found (the same page's rules, where the frame cuts them short)
    /// needs to be only 1/`shortLineShare` as long.
    static let shortLineShare = 8

    /// Erases tilted lines from `mask` (0 paper, 1 weak, 2 strong), looking for them in
    /// `evidence` (every faint-ink pixel); returns how many it erased.
    static func erase(from mask: inout [UInt8], evidence: [UInt8], width w: Int, height h: Int) -> Int {
        guard w > 1, h > 1, reachesTwoBorders(evidence, width: w, height: h) else { return 0 }
        let factor = max(1, (max(w, h) + pooledSide - 1) / pooledSide)
        let minimumLength = max(32, min(w, h) / 2)
        let shortLength = max(16, minimumLength / shortLineShare)
        let peaks = houghPeaks(evidence, width: w, height: h, factor: factor, minimumVotes: max(4, shortLength / (2 * factor)))
        let longVotes = Int32(minimumLength / (2 * factor))
        var found: [Line] = []
        var erased = [Bool](repeating: false, count: w * h)
        var erasedAny = false
        func take(_ candidates: some Sequence<Line>, minimumLength: Int) {
            for candidate in candidates {
                guard let line = fitted(candidate, evidence: evidence, width: w, height: h, band: factor + 1),
                      !found.contains(where: { $0.isClose(to: line) }),
                      let pixels = thinPixels(of: line, evidence: evidence, width: w, height: h, minimumLength: minimumLength)
                else { continue }
                found.append(line)
                for index in pixels where mask[index] != 0 {
                    erased[index] = true
                    erasedAny = true
                }
            }
        }
        take(peaks.lazy.filter { $0.votes >= longVotes }.map(\.line).prefix(maximumCandidates), minimumLength: minimumLength)
        // The same page's lines where the frame cuts them short: across a corner, or a stub
        // beyond the digit. Alone they would pass for 1s.
        let families = found
        take(peaks.lazy.map(\.line).filter { line in
            !families.contains { $0.isClose(to: line) } && families.contains { $0.isParallel(to: line) }
        }.prefix(maximumCandidates), minimumLength: shortLength)
        guard erasedAny, hasWriting(mask, besides: found, erased: erased, width: w, least: shortLength) else { return 0 }
        for index in mask.indices where erased[index] { mask[index] = 0 }
        return found.count
    }

    /// Whether `mask` holds `least` pixels of ink or more that are neither `erased` nor
    /// beside one of `lines`: when it does not, the lines are the writing (a 1 drawn with a thin
    /// pen from edge to edge), not lines under it, and stay.
    private static func hasWriting(_ mask: [UInt8], besides lines: [Line], erased: [Bool], width w: Int, least: Int) -> Bool {
        let near = Double(widestLine + 2)
        var count = 0
        for index in mask.indices where mask[index] != 0 && !erased[index] {
            let (x, y) = (Double(index % w) + 0.5, Double(index / w) + 0.5)
            guard lines.allSatisfy({ abs(x * $0.normal.x + y * $0.normal.y - $0.rho) > near }) else { continue }
            count += 1
            if count >= least { return true }
        }
        return false
    }

    /// A line through the picture: the points p with p·(cos θ, sin θ) = ρ, in coordinates where
    /// pixel (x, y) covers [x, x+1) × [y, y+1).
    struct Line {
        let angle: Double, rho: Double
        /// (cos θ, sin θ), and the direction along the line; kept, as a line is walked pixel
        /// by pixel.
        let normal: (x: Double, y: Double), direction: (x: Double, y: Double)

        init(angle: Double, rho: Double) {
            (self.angle, self.rho) = (angle, rho)
            normal = (cos(angle), sin(angle))
            direction = (-normal.y, normal.x)
        }

        /// The point `t` along the line from its foot (ρ·n) and `offset` across it.
        func point(at t: Double, offset: Double = 0) -> (x: Double, y: Double) {
            let (n, d) = (normal, direction)
            return ((rho + offset) * n.x + t * d.x, (rho + offset) * n.y + t * d.y)
        }

        func isClose(to other: Line) -> Bool {
            let (radians, flipped) = angleBetween(other)
            return radians < 1.5 * angleStep * .pi / 180 && abs(rho - (flipped ? -other.rho : other.rho)) < 3
        }

        /// Within a degree of `other`'s direction.
        func isParallel(to other: Line) -> Bool { angleBetween(other).radians < .pi / 180 }

        /// The angle between the two lines' directions (0…π/2), and whether `other`'s normal
        /// points the opposite way (its angle differs by about an odd multiple of π).
        private func angleBetween(_ other: Line) -> (radians: Double, flipped: Bool) {
            let difference = angle - other.angle
            let halfTurns = (difference / .pi).rounded()
            return (abs(difference - halfTurns * .pi), Int(halfTurns) % 2 != 0)
        }

        /// The span of t for which ρ·n + t·d lies inside a `w`×`h` picture; nil when none does.
        func chord(width w: Int, height h: Int) -> ClosedRange<Double>? {
            let (n, d) = (normal, direction)
            var low = -Double.infinity, high = Double.infinity
            for (origin, step, limit) in [(rho * n.x, d.x, Double(w)), (rho * n.y, d.y, Double(h))] {
                if abs(step) < 1e-9 {
                    if origin < 0 || origin >= limit { return nil }
                    continue
                }
                let (a, b) = ((0 - origin) / step, (limit - origin) / step)
                low = max(low, min(a, b)); high = min(high, max(a, b))
            }
            return low < high ? low...high : nil
        }
    }

    /// A line from edge to edge leaves ink on the border twice at least; most drawings have none
    /// there, and are not looked at further.
    private static func reachesTwoBorders(_ evidence: [UInt8], width w: Int, height h: Int) -> Bool {
        var count = 0
        for x in 0..<w { count += Int(evidence[x]) + Int(evidence[(h - 1) * w + x]) }
        for y in 1..<(h - 1) { count += Int(evidence[y * w]) + Int(evidence[y * w + w - 1]) }
        return count >= 2
    }

    /// The lines of a Hough transform of `evidence` pooled by `factor` (a pooled pixel is ink
    /// when any of its pixels is) with at least `minimumVotes` votes, local maxima only, most
    /// votes first, in full-picture coordinates.
    private static func houghPeaks(_ evidence: [UInt8], width w: Int, height h: Int, factor: Int,
                                   minimumVotes: Int) -> [(votes: Int32, line: Line)] {
        let (pw, ph) = ((w + factor - 1) / factor, (h + factor - 1) / factor)
        var pooled = [UInt8](repeating: 0, count: pw * ph)
        evidence.withUnsafeBufferPointer { e in
            pooled.withUnsafeMutableBufferPointer { p in
                for y in 0..<h {
                    let (row, to) = (e.baseAddress! + y * w, p.baseAddress! + (y / factor) * pw)
                    for x in 0..<w where row[x] != 0 { to[x / factor] = 1 }
                }
            }
        }
        var points: [(x: Float, y: Float)] = []
        for y in 0..<ph { for x in 0..<pw where pooled[y * pw + x] != 0 { points.append((Float(x) + 0.5, Float(y) + 0.5)) } }
        guard points.count >= minimumVotes else { return [] }
        let angles = Int((180 / angleStep).rounded())
        // ρ of a pooled pixel centre lies within ±(pw + ph); bins of one pooled pixel.
        let offset = pw + ph, bins = 2 * offset + 1
        var votes = [Int32](repeating: 0, count: angles * bins)
        points.withUnsafeBufferPointer { p in
            votes.withUnsafeMutableBufferPointer { v in
                let base = v.baseAddress!
                parallelRanges(angles, minimumChunk: 8) { range in
                    for a in range {
                        let theta = Double(a) * angleStep * .pi / 180
                        let (c, s) = (Float(cos(theta)), Float(sin(theta)))
                        let row = base + a * bins
                        for point in p { row[Int((point.x * c + point.y * s).rounded()) + offset] += 1 }
                    }
                }
            }
        }
        var peaks: [(votes: Int32, line: Line)] = []
        for a in 0..<angles {
            for r in 1..<(bins - 1) {
                let count = votes[a * bins + r]
                guard count >= minimumVotes else { continue }
                var isPeak = true
                for da in -1...1 where isPeak {
                    let other = a + da
                    guard other >= 0, other < angles else { continue }
                    for dr in -1...1 where (da, dr) != (0, 0) {
                        let neighbour = votes[other * bins + r + dr]
                        // Ties go to the first in memory order, so a flat top yields one peak.
                        if neighbour > count || (neighbour == count && (da, dr) < (0, 0)) { isPeak = false; break }
                    }
                }
                if isPeak {
                    peaks.append((count, Line(angle: Double(a) * angleStep * .pi / 180, rho: Double((r - offset) * factor))))
                }
            }
        }
        return peaks.sorted { $0.votes > $1.votes }
    }

    /// `line` fitted to the ink within `band` pixels of it: at each step along it, the middle of
    /// the ink across it where that ink is a line's width, then a straight fit of those middles;
    /// twice, the second time within two pixels of the first fit.
    private static func fitted(_ line: Line, evidence: [UInt8], width w: Int, height h: Int, band: Int) -> Line? {
        var line = line
        for reach in [band, 2] {
            guard let chord = line.chord(width: w, height: h) else { return nil }
            var sumT = 0.0, sumO = 0.0, sumTT = 0.0, sumTO = 0.0, count = 0.0
            var t = chord.lowerBound.rounded(.up)
            while t < chord.upperBound {
                if let across = inkAcross(line, at: t, reach: reach, evidence: evidence, width: w, height: h),
                   across.upperBound - across.lowerBound < widestLine {
                    let middle = Double(across.lowerBound + across.upperBound) / 2
                    sumT += t; sumO += middle; sumTT += t * t; sumTO += t * middle; count += 1
                }
                t += 1
            }
            guard count >= 2 else { return nil }
            let slope = (count * sumTO - sumT * sumO) / max(1e-9, count * sumTT - sumT * sumT)
            let intercept = (sumO - slope * sumT) / count
            // Offsets grow along the normal, so the fitted line's normal turns back by
            // atan(slope), and its point at t = 0 lies `intercept` further along the old normal.
            let turn = atan(slope)
            line = Line(angle: line.angle - turn, rho: (line.rho + intercept) * cos(turn))
        }
        return line
    }

    /// The run of ink across `line` at step `t` (offsets along the normal, from the first inked
    /// offset to the last) that holds an offset within a pixel of the line, searched `reach`
    /// pixels each side; nil when there is no ink on the line there.
    private static func inkAcross(_ line: Line, at t: Double, reach: Int, evidence: [UInt8], width w: Int, height h: Int) -> ClosedRange<Int>? {
        func inked(_ o: Int) -> Bool {
            pixel(line.point(at: t, offset: Double(o)), width: w, height: h).map { evidence[$0] != 0 } ?? false
        }
        guard let start = (-1...1).first(where: inked) else { return nil }
        var low = start, high = start
        while low > -reach, inked(low - 1) { low -= 1 }
        while high < reach, inked(high + 1) { high += 1 }
        return low...high
    }

    /// The pixels to erase along `line` when it is a ruled line or a crease: a stretch covering
    /// `frameCover` of its path across the picture and `minimumLength` at least, with ink on the
    /// line along `coveredShare` of it, where that ink is a line's (not wider than `widestLine`,
    /// nor reaching beyond it) along `thinShare` of the inked length at least, and at most
    /// 1/`MaskMorphology.lineThinness` of the stretch wide on average. Those thin places no wider
    /// than the line is mostly, with a pixel either side, are the pixels; nil when it is no such
    /// line.
    private static func thinPixels(of line: Line, evidence: [UInt8], width w: Int, height h: Int, minimumLength: Int) -> [Int]? {
        guard let chord = line.chord(width: w, height: h),
              chord.upperBound - chord.lowerBound >= Double(minimumLength) else { return nil }
        let reach = widestLine + 2
        let gapLimit = max(2, Int(gapShare * (chord.upperBound - chord.lowerBound)))
        // Per step along the chord: nil (no ink on the line), or the ink across it.
        var steps: [ClosedRange<Int>?] = []
        var t = chord.lowerBound.rounded(.up)
        while t < chord.upperBound {
            steps.append(inkAcross(line, at: t, reach: reach, evidence: evidence, width: w, height: h))
            t += 1
        }
        func isThin(_ across: ClosedRange<Int>) -> Bool {
            across.upperBound - across.lowerBound < widestLine && across.lowerBound > -reach && across.upperBound < reach
        }
        // The longest stretch from covered step to covered step whose gaps are at most `gapLimit`.
        var best = 0..<0, start = -1, lastCovered = -1
        for (i, step) in steps.enumerated() where step != nil {
            if start < 0 || i - lastCovered > gapLimit + 1 { start = i }
            lastCovered = i
            if i + 1 - start > best.count { best = start..<(i + 1) }
        }
        guard Double(best.count) >= max(Double(minimumLength), frameCover * Double(steps.count)) else { return nil }
        let covered = best.compactMap { steps[$0] }
        let thin = covered.filter(isThin)
        guard Double(covered.count) >= coveredShare * Double(best.count),
              Double(thin.count) >= thinShare * Double(covered.count) else { return nil }
        let meanWidth = Double(thin.reduce(0) { $0 + $1.count }) / Double(thin.count)
        guard meanWidth * Double(MaskMorphology.lineThinness) <= Double(best.count) else { return nil }
        // A stroke running along the line widens it without reaching past `widestLine` (a thin
        // pen's 9 whose stem lies on a grid line): the line is erased only where it is no more
        // than two pixels wider than its own width, the median of its thin places (a crease's
        // width varies that much as the shade beside it changes).
        let lineWidth = thin.map(\.count).sorted()[thin.count / 2]
        var pixels: [Int] = []
        for i in best {
            guard let across = steps[i], isThin(across), across.count <= lineWidth + 2 else { continue }
            // Half-pixel steps along and across, so that a slanting line leaves no pixel out.
            for t in [0, 0.5].map({ chord.lowerBound.rounded(.up) + Double(i) + $0 }) {
                for o in stride(from: Double(across.lowerBound - 1), through: Double(across.upperBound + 1), by: 0.5) {
                    if let index = pixel(line.point(at: t, offset: o), width: w, height: h) { pixels.append(index) }
                }
            }
        }
        return pixels
    }

    /// The index of the pixel holding `point` in a `w`×`h` picture; nil outside it.
    private static func pixel(_ point: (x: Double, y: Double), width w: Int, height h: Int) -> Int? {
        let (x, y) = (Int(point.x.rounded(.down)), Int(point.y.rounded(.down)))
        return x >= 0 && x < w && y >= 0 && y < h ? y * w + x : nil
    }
}
