/// Clean-ups on the ink mask (0 paper, 1 weak, 2 strong) before components are labelled.
enum MaskMorphology {
    /// A 3×3 closing: joins strokes broken by a pixel or two (a dry pen, a JPEG block edge)
    /// without merging neighbouring digits, which sit much further apart than that. Pixels the
    /// closing adds are weak ink.
    static func close(_ mask: [UInt8], width w: Int, height h: Int) -> [UInt8] {
        let closed = filter3(filter3(mask, width: w, height: h, keepIfAny: true), width: w, height: h, keepIfAny: false)
        var result = mask
        result.withUnsafeMutableBufferPointer { r in
            closed.withUnsafeBufferPointer { c in
                for i in 0..<r.count where r[i] == 0 { r[i] = c[i] }
            }
        }
        return result
    }

    /// 3×3 dilation (`keepIfAny`) or erosion of a 0/1 mask, separably; outside the image counts
    /// as empty for dilation and as full for erosion, so erosion does not eat ink at the border.
    /// Dilation takes any non-zero value as ink, so it also turns the 0/1/2 ink mask into 0/1.
    private static func filter3(_ mask: [UInt8], width w: Int, height h: Int, keepIfAny: Bool) -> [UInt8] {
        guard w > 0, h > 0 else { return mask }
        var horizontal = [UInt8](repeating: 0, count: mask.count)
        var result = [UInt8](repeating: 0, count: mask.count)
        let outside: UInt8 = keepIfAny ? 0 : 1
        @inline(__always) func combine(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> UInt8 {
            keepIfAny ? (a | b | c != 0 ? 1 : 0) : a & b & c
        }
        mask.withUnsafeBufferPointer { source in
            horizontal.withUnsafeMutableBufferPointer { target in
                let m = source.baseAddress!, out = target.baseAddress!
                parallelRanges(h, minimumChunk: GrayImage.parallelLines(of: w)) { range in
                    for y in range {
                        let row = m + y * w, to = out + y * w
                        guard w > 1 else { to[0] = combine(outside, row[0], outside); continue }
                        to[0] = combine(outside, row[0], row[1])
                        for x in 1..<(w - 1) { to[x] = combine(row[x - 1], row[x], row[x + 1]) }
                        to[w - 1] = combine(row[w - 2], row[w - 1], outside)
                    }
                }
            }
        }
        // Rows beyond the image: all `outside`.
        let edge = [UInt8](repeating: outside, count: w)
        horizontal.withUnsafeBufferPointer { source in
            result.withUnsafeMutableBufferPointer { target in
                edge.withUnsafeBufferPointer { beyond in
                    let m = source.baseAddress!, out = target.baseAddress!
                    parallelRanges(h, minimumChunk: GrayImage.parallelLines(of: w)) { range in
                        for y in range {
                            let up = y > 0 ? m + (y - 1) * w : beyond.baseAddress!
                            let down = y + 1 < h ? m + (y + 1) * w : beyond.baseAddress!
                            let centre = m + y * w, to = out + y * w
                            for x in 0..<w { to[x] = combine(up[x], centre[x], down[x]) }
                        }
                    }
                }
            }
        }
        return result
    }

    /// A ruled line is at most 1/`lineThinness` as thick as it is long, here and in
    /// `TiltedLines`.
    static let lineThinness = 25

    /// Erases ruled lines and the lines of squared paper: runs of ink longer than half the
    /// image along a row (or a column) in bands that are thin for their length (at most
    /// 1/`lineThinness` of it). Lines are looked for in `evidence` (every faint-ink pixel, see
    /// the `faint` of `Thresholding.mask`) and erased from `mask`. Where a stroke crosses the line — ink on both sides of the band — the crossing is
    /// kept, so digits written across a line stay whole; a long top bar of a 7 is far thicker
    /// than that for its length and stays. Returns the number of lines erased.
    static func removeRuledLines(_ mask: inout [UInt8], evidence: [UInt8], width w: Int, height h: Int) -> Int {
        // A tall 1 is a long thin vertical band too; the vertical lines of squared paper run
        // from edge to edge, which a digit does not.
        removeLines(&mask, evidence: evidence, along: w, across: h, step: 1, stride: w, edgeToEdge: false)
            + removeLines(&mask, evidence: evidence, along: h, across: w, step: w, stride: 1, edgeToEdge: true)
    }

    /// Lines along one axis: pixel (a, b) — a along the line, b across — is `mask[a·step + b·stride]`.
    private static func removeLines(_ mask: inout [UInt8], evidence: [UInt8], along length: Int, across count: Int,
                                    step: Int, stride: Int, edgeToEdge: Bool) -> Int {
        evidence.withUnsafeBufferPointer { faint in
            mask.withUnsafeMutableBufferPointer { pixels in
                let m = pixels.baseAddress!, e = faint.baseAddress!
                let minimumRun = max(8, length / 2)
                // A thin grey line after JPEG compression wobbles between neighbouring rows (or
                // columns), and a slightly tilted one drifts across them: runs are measured with
                // the lines either side, so such a line is still one long run.
                @inline(__always) func inked(_ a: Int, _ b: Int) -> Bool {
                    e[a * step + b * stride] != 0
                        || (b > 0 && e[a * step + (b - 1) * stride] != 0)
                        || (b + 1 < count && e[a * step + (b + 1) * stride] != 0)
                }
                // JPEG noise leaves holes of a pixel or two in a faint line.
                let gapLimit = max(2, length / 150)
                // A run's gaps are at most `gapLimit` long, so a run of `minimumRun` holds at least
                // this many inked pixels; lines whose band (with the lines either side) holds fewer
                // are not scanned. Most lines of a picture hold no line, and the scan is the cost.
                let minimumInked = (minimumRun + gapLimit) / (gapLimit + 1)
                let perLine = evidenceCounts(e, along: length, across: count, step: step, stride: stride)
                var runs: [[Range<Int>]] = Array(repeating: [], count: count)
                for b in 0..<count {
                    let band = perLine[b] + (b > 0 ? perLine[b - 1] : 0) + (b + 1 < count ? perLine[b + 1] : 0)
                    guard band >= minimumInked else { continue }
                    var a = 0
                    while a < length {
                        if !inked(a, b) { a += 1; continue }
                        let start = a
                        var end = a
                        while a < length, a - end <= gapLimit {
                            if inked(a, b) { end = a + 1 }
                            a += 1
                        }
                        if end - start >= minimumRun { runs[b].append(start..<end) }
                        a = end
                    }
                }
                var removed = 0
                var b = 0
                while b < count {
                    guard !runs[b].isEmpty else { b += 1; continue }
                    let first = b
                    var longest = 0, start = length, end = 0
                    while b < count, !runs[b].isEmpty {
                        for run in runs[b] {
                            longest = max(longest, run.count)
                            start = min(start, run.lowerBound)
                            end = max(end, run.upperBound)
                        }
                        b += 1
                    }
                    guard (b - first) * lineThinness <= longest, !edgeToEdge || (end - start) * 50 >= length * 49 else { continue }
                    removed += 1
                    // The line's faint edge rows break into runs too short to be found: one row either
                    // side of the band goes too, over the band's extent.
                    let low = max(0, first - 1), high = min(count, b + 1)
                    for a in start..<end {
                        let crossing = low > 0 && high < count
                            && m[a * step + (low - 1) * stride] != 0 && m[a * step + high * stride] != 0
                        if crossing { continue }
                        for band in low..<high { m[a * step + band * stride] = 0 }
                    }
                }
                return removed
            }
        }
    }

    /// How many evidence pixels each line b holds, reading the image in memory order.
    private static func evidenceCounts(_ e: UnsafePointer<UInt8>, along length: Int, across count: Int,
                                       step: Int, stride: Int) -> [Int] {
        var counts = [Int](repeating: 0, count: count)
        counts.withUnsafeMutableBufferPointer { perLine in
            if step < stride {
                for b in 0..<count {
                    let line = e + b * stride
                    var n = 0
                    for a in 0..<length { n += Int(line[a * step]) }
                    perLine[b] = n
                }
            } else {
                for a in 0..<length {
                    let across = e + a * step
                    for b in 0..<count { perLine[b] += Int(across[b * stride]) }
                }
            }
        }
        return counts
    }
}
