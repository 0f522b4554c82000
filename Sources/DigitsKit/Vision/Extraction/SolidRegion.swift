/// A "digit" that is a solid region rather than strokes: a sheet of paper read inverted on a photo
/// whose desk was most of the picture, the paper inside a fat light 0 cropped close, read upright,
/// or a thumb holding the page (`ComponentFilter.rejectObjectsAtTheEdge`). The widest disc inside a
/// region spans much of it; inside a digit, only a stroke's width, which stays under half the
/// digit's size even for a fat marker 1. A marker digit whose loops closed up is solid too: the
/// extractor keeps it when the picture read the other way round holds nothing better.
extension DigitGroup {
    /// Radius of the widest inscribed disc at which the group counts as a region, as a share
    /// of its longer side.
    static let solidRadiusShare: Float = 0.25

    /// Radius share at which the group is a round blot, nearly a disc: a punch hole in a scanned
    /// page, a coin. A fat digit whose loops closed up stays under it: it is taller than wide, or
    /// its tail or waist narrows it.
    static let blotRadiusShare: Float = 0.4

    /// Whether the widest disc inside the group's pixels (`labels` of its members, an image
    /// `width` wide) has a radius of at least `share` of its longer side.
    func isSolidRegion(labels: [Int32], width: Int, share: Float = solidRadiusShare) -> Bool {
        // The disc fits in the group's box, so its radius is at most half the shorter side and
        // half a pixel: a group too elongated for the share is no region, without a transform.
        let longer = Float(max(self.width, self.height))
        guard Float(min(self.width, self.height) + 1) >= 2 * share * longer else { return false }
        return inscribedRadius(labels: labels, width: width) >= share * longer
    }

    /// The radius in pixels of the widest disc inside the group's pixels: half its pen's width
    /// for a group of strokes.
    func inscribedRadius(labels: [Int32], width: Int) -> Float {
        let isMember = memberLabels()
        let distances = labels.withUnsafeBufferPointer { l in
            ChamferDistances(box: box, imageWidth: width) { isMember(l[$0]) }
        }
        return Float(distances.maximum) / Float(ChamferDistances.straightStep)
    }
}
