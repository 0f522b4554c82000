/// Why a component is not (part of) a digit.
enum Rejection: String {
    case faint = "faint"            // only weak ink: paper texture, a shadow's edge
    case paperEdge = "paper edge"   // lies along a border: the table around the sheet, a fold
    case ruledLine = "ruled line"   // long and thin across the page
    case speck = "speck"            // dust, sensor noise, a pen dot
}

/// Sorts components into plausible ink and the rest. Every limit is relative to the image or to
/// the largest ink on it, never a pixel count tuned on one picture.
enum ComponentFilter {
    static func classify(_ components: [Component], width: Int, height: Int) -> [Rejection?] {
        var verdicts: [Rejection?] = components.map { c in
            if !c.hasStrongInk { return .faint }
            // Ink hugging half a border is the dark surround of a photographed sheet.
            if 2 * max(c.topBorder, c.bottomBorder) >= width || 2 * max(c.leftBorder, c.rightBorder) >= height {
                return .paperEdge
            }
            let horizontalLine = 2 * c.width >= width && 12 * c.height <= c.width
            // Vertical margin lines run from edge to edge; a tall thin 1 does not touch both.
            let verticalLine = c.topBorder > 0 && c.bottomBorder > 0 && 12 * c.width <= c.height
            return horizontalLine || verticalLine ? .ruledLine : nil
        }
        let kept = components.indices.filter { verdicts[$0] == nil }
        guard let largest = kept.max(by: { components[$0].area < components[$1].area }) else { return verdicts }
        let referenceArea = components[largest].area
        let referenceSize = max(components[largest].height, components[largest].width)
        let tiny = max(width, height) / 100
        for i in kept {
            let c = components[i]
            let size = max(c.width, c.height)
            // Small both in ink and in extent next to the largest ink (a 5's hat is neither),
            // or small against the whole image.
            if (c.area * 33 < referenceArea && size * 4 < referenceSize) || size < tiny {
                verdicts[i] = .speck
            }
        }
        return verdicts
    }
}
