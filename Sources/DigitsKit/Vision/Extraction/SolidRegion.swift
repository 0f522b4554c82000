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

    /// Whether the widest disc inside the group's pixels (`labels` of its members, an image
    /// `width` wide) has a radius of at least `solidRadiusShare` of its longer side. A 3-4
    /// chamfer distance, in two passes over the group's box.
    func isSolidRegion(labels: [Int32], width: Int) -> Bool {
        let w = self.width + 2, h = self.height + 2  // a ring of background round the box
        // Labels are 1 + the component's index; a flag per label is much cheaper than a set.
        var isMember = [Bool](repeating: false, count: (members.max() ?? 0) + 2)
        for index in members { isMember[index + 1] = true }
        var distance = [Int32](repeating: 0, count: w * h)
        labels.withUnsafeBufferPointer { l in
            for y in 0..<self.height {
                for x in 0..<self.width {
                    let label = Int(l[(minY + y) * width + minX + x])
                    if label < isMember.count && isMember[label] { distance[(y + 1) * w + x + 1] = Int32.max / 2 }
                }
            }
        }
        var widest: Int32 = 0
        distance.withUnsafeMutableBufferPointer { d in
            for y in 1..<(h - 1) {
                for x in 1..<(w - 1) where d[y * w + x] > 0 {
                    let i = y * w + x
                    d[i] = min(d[i], d[i - 1] + 3, d[i - w] + 3, d[i - w - 1] + 4, d[i - w + 1] + 4)
                }
            }
            for y in stride(from: h - 2, through: 1, by: -1) {
                for x in stride(from: w - 2, through: 1, by: -1) where d[y * w + x] > 0 {
                    let i = y * w + x
                    d[i] = min(d[i], d[i + 1] + 3, d[i + w] + 3, d[i + w + 1] + 4, d[i + w - 1] + 4)
                    widest = max(widest, d[i])
                }
            }
        }
        return Float(widest) / 3 >= Self.solidRadiusShare * Float(max(self.width, self.height))
    }
}
