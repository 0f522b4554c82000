/// Clean-ups on the ink mask (0 paper, 1 weak, 2 strong) before components are labelled.
enum MaskMorphology {
    /// A 3×3 closing: joins strokes broken by a pixel or two (a dry pen, a JPEG block edge)
    /// without merging neighbouring digits, which sit much further apart than that. Pixels the
    /// closing adds are weak ink.
    static func close(_ mask: [UInt8], width w: Int, height h: Int) -> [UInt8] {
        let dilated = filter3(mask.map { $0 > 0 ? 1 : 0 }, width: w, height: h, keepIfAny: true)
        let closed = filter3(dilated, width: w, height: h, keepIfAny: false)
        var result = mask
        for i in 0..<result.count where result[i] == 0 && closed[i] == 1 { result[i] = 1 }
        return result
    }

    /// 3×3 dilation (`keepIfAny`) or erosion of a 0/1 mask, separably; outside the image counts
    /// as empty for dilation and as full for erosion, so erosion does not eat ink at the border.
    private static func filter3(_ mask: [UInt8], width w: Int, height h: Int, keepIfAny: Bool) -> [UInt8] {
        var horizontal = [UInt8](repeating: 0, count: mask.count)
        var result = [UInt8](repeating: 0, count: mask.count)
        let outside: UInt8 = keepIfAny ? 0 : 1
        mask.withUnsafeBufferPointer { m in
            horizontal.withUnsafeMutableBufferPointer { out in
                parallelRanges(h, minimumChunk: GrayImage.parallelLines(of: w)) { range in
                    for y in range {
                        let row = y * w
                        for x in 0..<w {
                            let left = x > 0 ? m[row + x - 1] : outside
                            let right = x + 1 < w ? m[row + x + 1] : outside
                            out[row + x] = keepIfAny ? (left | m[row + x] | right) : (left & m[row + x] & right)
                        }
                    }
                }
            }
        }
        horizontal.withUnsafeBufferPointer { m in
            result.withUnsafeMutableBufferPointer { out in
                parallelRanges(h, minimumChunk: GrayImage.parallelLines(of: w)) { range in
                    for y in range {
                        for x in 0..<w {
                            let up = y > 0 ? m[(y - 1) * w + x] : outside
                            let down = y + 1 < h ? m[(y + 1) * w + x] : outside
                            let centre = m[y * w + x]
                            out[y * w + x] = keepIfAny ? (up | centre | down) : (up & centre & down)
                        }
                    }
                }
            }
        }
        return result
    }

    /// Erases ruled lines and the lines of squared paper: runs of ink longer than half the
    /// image along a row (or a column) in bands that are thin for their length (at most 1/25 of
    /// it). Lines are looked for in `evidence` (every faint-ink pixel, see
    /// the `faint` of `Thresholding.mask`) and erased from `mask`. Where a stroke crosses the line — ink on both sides of the band — the crossing is
    /// kept, so digits written across a line stay whole; a long top bar of a 7 is far thicker
    /// than 1/25 of its length and stays. Returns the number of lines erased.
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
                var runs: [[Range<Int>]] = Array(repeating: [], count: count)
                for b in 0..<count {
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
                    guard (b - first) * 25 <= longest, !edgeToEdge || (end - start) * 50 >= length * 49 else { continue }
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
}
