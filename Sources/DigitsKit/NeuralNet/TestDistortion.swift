/// The distortions `digits evaluate --distort` applies to a test set, to measure what each
/// training-time augmentation buys: the same code as `Augmentation`, at fixed strengths that
/// imitate real handwriting (and, for `affine` and `elastic`, at the training strengths).
public enum TestDistortion: String, CaseIterable, Sendable {
    /// Simard's α = 34, σ = 4 displacement field.
    case elastic
    /// Marker strokes: 1 to 2 dilation steps.
    case thickness
    /// Pencil strokes: 0.5 to 0.8 erosion steps.
    case thin
    /// Gaussian blur of σ 1 to 1.5 px.
    case blur
    /// ±12° rotation, ±10 % size, ±0.2 shear, ±2 px shift.
    case affine
    /// All of the above at once (with thickness anywhere from thin to thick) and ±0.05 noise.
    case all
    /// Every 1 flagged, every 7 crossed and every 0 slashed (`HandwritingStyle`); other digits unchanged.
    case style
    /// Every digit but the 1s redrawn in seven-segment style (`SegmentStyle`).
    case segments
    /// A gap or two cut across every digit's strokes, as pen lifts leave them (`PenLift`).
    case gaps

    var augmentation: Augmentation {
        var augmentation = Augmentation()
        switch self {
        case .elastic: augmentation.elasticAlpha = 34
        case .thickness: augmentation.thickness = 1...2
        case .thin: augmentation.thickness = -0.8 ... -0.5
        case .blur: augmentation.blur = 1...1.5
        case .affine:
            augmentation = Augmentation(magnitude: 1)
            augmentation.noise = 0
        case .all:
            augmentation = Augmentation(magnitude: 1)
            augmentation.elasticAlpha = 34
            augmentation.thickness = -0.8...2
            augmentation.blur = 0...1.5
        case .style: augmentation.style = 1
        case .segments: augmentation.segments = 1
        case .gaps: augmentation.gaps = 1
        }
        return augmentation
    }
}

extension Dataset {
    /// The images distorted by `distortion`, image `i` drawing from stream (`seed`, `i`): the
    /// same seed gives the same test set. Labels are unchanged.
    public func distorted(by distortion: TestDistortion, seed: UInt64) -> Dataset {
        var images = pixels.map { Float($0) / 255 }
        let digits = labels.map { Int32($0) }
        images.withUnsafeMutableBufferPointer { images in
            distortion.augmentation.apply(images.baseAddress!, count: count, firstIndex: 0, seed: seed, labels: digits)
        }
        // The same number of pixels in the same order: the shape checks already hold.
        return Dataset(unchecked: images.map { UInt8(min(255, max(0, ($0 * 255).rounded()))) }, labels: labels)
    }
}
