/// Where a lamp lights a pool on the page and the frame cuts the pool, the paper estimate (a
/// closing over a quarter of the picture) carries the pool's brightness into the dim strip
/// between the pool and the frame, and that strip reads as ink: a crescent along the frame,
/// grouped with the digit above it. It is no pen's mark: its outline is a slope all round, as
/// the light falls off, where a stroke's outline is an edge.
extension ComponentFilter {
    /// Marks as `.shading` the kept components that the frame cuts and whose outline is a slope
    /// (`DigitGroup.outlineSteepness` under `DigitGroup.edgeSteepness`), when a kept component
    /// that the frame does not cut has an edge for an outline: the digit. A digit cropped to its
    /// ink, soft with blur, is cut by the frame and sloping too, and is then all there is. The
    /// strips that joined a digit in `scripts/bench/flash-photos.py` seeds 1–3 measured 0.06–0.16;
    /// over the 158 labelled regression folders, in either mode, the rule changed no reading but
    /// in lamp-lit and flash-lit photos, where it mended 53 (BENCHMARKS.md, "Thirty-seventh
    /// session").
    static func rejectShadingAtTheEdge(_ verdicts: inout [Rejection?], labelling: ComponentLabels, page: GrayImage) {
        let components = labelling.components
        func slopes(_ index: Int) -> Bool {
            DigitGroup(components[index], index: index).outlineSteepness(labels: labelling.labels, page: page)
                < DigitGroup.edgeSteepness
        }
        let kept = components.indices.filter { verdicts[$0] == nil }
        let sloping = kept.filter { components[$0].touchesBorder && slopes($0) }
        guard !sloping.isEmpty, kept.contains(where: { !components[$0].touchesBorder && !slopes($0) }) else { return }
        for index in sloping { verdicts[index] = .shading }
    }
}
