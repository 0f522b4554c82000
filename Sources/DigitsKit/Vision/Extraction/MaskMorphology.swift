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
                parallelRanges(h, minimumChunk: 64) { range in
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
                parallelRanges(h, minimumChunk: 64) { range in
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

    /// Erases ruled lines: horizontal runs of ink longer than half the image width in bands
    /// that are thin for their length (at most 1/25 of it). A digit crossing the line loses only
    /// the line's thickness, and the grouping step joins its two halves again; a long top bar of
    /// a 7 is far thicker than 1/25 of its length and stays.
    static func removeRuledLines(_ mask: inout [UInt8], width w: Int, height h: Int) -> Int {
        let minimumRun = max(8, w / 2)
        var runs: [[Range<Int>]] = Array(repeating: [], count: h)
        for y in 0..<h {
            var x = 0
            while x < w {
                if mask[y * w + x] == 0 { x += 1; continue }
                let start = x
                while x < w, mask[y * w + x] != 0 { x += 1 }
                if x - start >= minimumRun { runs[y].append(start..<x) }
            }
        }
        var removed = 0
        var y = 0
        while y < h {
            guard !runs[y].isEmpty else { y += 1; continue }
            let top = y
            var longest = 0
            while y < h, !runs[y].isEmpty {
                longest = max(longest, runs[y].map(\.count).max() ?? 0)
                y += 1
            }
            guard (y - top) * 25 <= longest else { continue }
            removed += 1
            for row in top..<y {
                for run in runs[row] {
                    for x in run { mask[row * w + x] = 0 }
                }
            }
        }
        return removed
    }
}
