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
