/// Tells ink from the edge of a shadow. The paper estimate (`Lighting.paperBrightness`) lags a
/// sharp shadow edge by about a tile, so a band just inside the shade reads as ink. Such a band
/// is as dark as the shade beyond it: along part of its outline the paper a few pixels outside
/// is no brighter than the band itself. A pen stroke is darker than the paper all around it.
enum ShadowEdge {
    /// Paper less than this fraction brighter than the component's mean grey has "no contrast"
    /// with it (half the contrast ink needs, `Thresholding.minimumContrast`).
    static let contrast: Float = Thresholding.minimumContrast / 2

    /// For each component of `labelling` (index `label − 1`), the fraction of its outline where the paper
    /// `step` pixels outside (step = 1/300 of the longest side, at least 2) is not clearly
    /// brighter than the component's mean grey. Outline samples that land on other ink are
    /// skipped. `page` is dark ink on light paper.
    static func oneSidedFractions(_ labelling: ComponentLabels, page: GrayImage) -> [Float] {
        let componentCount = labelling.components.count
        guard componentCount > 0 else { return [] }
        let w = page.width, h = page.height
        let step = max(2, max(w, h) / 300)
        var greySum = [Float](repeating: 0, count: componentCount + 1)
        // Per label: outline samples, and those without contrast.
        var samples = [Int](repeating: 0, count: 2 * (componentCount + 1))
        labelling.labels.withUnsafeBufferPointer { l in
            page.pixels.withUnsafeBufferPointer { g in
                for i in 0..<(w * h) where l[i] != 0 { greySum[Int(l[i])] += g[i] }
                // Index 0 is the paper, never sampled.
                let mean = [0] + labelling.components.indices.map { greySum[$0 + 1] / Float(max(1, labelling.components[$0].area)) }
                samples.withUnsafeMutableBufferPointer { counts in
                    // An outline pixel has paper next to it at offset `near`; the paper `far`
                    // (`step` pixels that way) must not be other ink.
                    @inline(__always) func sample(_ label: Int, _ i: Int, near: Int, far: Int) {
                        guard l[i + near] == 0, l[i + far] == 0 else { return }
                        counts[2 * label] += 1
                        if g[i + far] * (1 - contrast) <= mean[label] { counts[2 * label + 1] += 1 }
                    }
                    for y in 0..<h {
                        for x in 0..<w where l[y * w + x] != 0 {
                            let label = Int(l[y * w + x]), i = y * w + x
                            if x + step < w { sample(label, i, near: 1, far: step) }
                            if x >= step { sample(label, i, near: -1, far: -step) }
                            if y + step < h { sample(label, i, near: w, far: step * w) }
                            if y >= step { sample(label, i, near: -w, far: -step * w) }
                        }
                    }
                }
            }
        }
        return (1...componentCount).map { samples[2 * $0] > 0 ? Float(samples[2 * $0 + 1]) / Float(samples[2 * $0]) : 0 }
    }
}

extension ShadowEdge {
    /// Removes from `mask` the shade that the lagging paper estimate made look like ink, also
    /// where it touches a digit (which `oneSidedFractions`, a whole-component test, cannot
    /// separate). A flood over the paper reached from the picture's border: through sure paper
    /// (ink below `contrast`, where the estimate is right), and on through any pixel no more
    /// than `contrast` darker than the brightest paper on its way there. Shade beside its own
    /// paper is that level and is flooded; a pen stroke is far darker than any paper next to
    /// it and stops the flood. Carrying the level, rather than comparing neighbours, keeps the
    /// flood from creeping down the soft edge of a blurred stroke step by step. Starting at the
    /// border keeps it out of a fat stroke whose middle the estimate took for paper (a level
    /// that would pass the stroke itself), and where the paper is near black nothing is known.
    static func eraseShade(from mask: inout [UInt8], ink: GrayImage, page: GrayImage, paper: GrayImage) {
        let w = page.width, h = page.height, count = w * h
        guard count > 0 else { return }
        // The level each reached pixel carries; -1 while not reached. Every pixel enters the
        // queue at most once.
        var level = [Float](repeating: -1, count: count)
        var queue = [Int32](repeating: 0, count: count)
        ink.pixels.withUnsafeBufferPointer { d in
            page.pixels.withUnsafeBufferPointer { g in
                paper.pixels.withUnsafeBufferPointer { p in
                    mask.withUnsafeMutableBufferPointer { m in
                        level.withUnsafeMutableBufferPointer { carried in
                            queue.withUnsafeMutableBufferPointer { q in
                                var tail = 0
                                @inline(__always) func visit(_ j: Int, from reference: Float) {
                                    guard carried[j] < 0, p[j] >= Lighting.darkestPaper else { return }
                                    if d[j] < contrast {
                                        carried[j] = g[j]
                                    } else if g[j] >= (1 - contrast) * reference {
                                        carried[j] = max(reference, g[j])
                                        m[j] = 0
                                    } else {
                                        return
                                    }
                                    q[tail] = Int32(j)
                                    tail += 1
                                }
                                for x in 0..<w {
                                    visit(x, from: .infinity)
                                    visit((h - 1) * w + x, from: .infinity)
                                }
                                for y in 0..<h {
                                    visit(y * w, from: .infinity)
                                    visit(y * w + w - 1, from: .infinity)
                                }
                                var head = 0
                                while head < tail {
                                    let i = Int(q[head])
                                    head += 1
                                    let x = i - (i / w) * w, reference = carried[i]
                                    if x > 0 { visit(i - 1, from: reference) }
                                    if x + 1 < w { visit(i + 1, from: reference) }
                                    if i >= w { visit(i - w, from: reference) }
                                    if i + w < count { visit(i + w, from: reference) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
