/// A rectangle in pixels of some image: x, y of the top-left corner, width, height.
public struct PixelBox: Sendable, Equatable, Codable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }

    func contains(x px: Int, y py: Int) -> Bool { px >= x && px < maxX && py >= y && py < maxY }
    /// Whether `other` lies inside it, clear of its edges on every side, as a digit's hole does.
    func encloses(_ other: PixelBox) -> Bool { other.x > x && other.maxX < maxX && other.y > y && other.maxY < maxY }

    /// The box in an image `factor` times larger, clipped to that image's `limitWidth × limitHeight`.
    func scaled(by factor: Double, limitWidth: Int, limitHeight: Int) -> PixelBox {
        let x0 = max(0, Int((Double(x) * factor).rounded(.down)))
        let y0 = max(0, Int((Double(y) * factor).rounded(.down)))
        let x1 = min(limitWidth, Int((Double(maxX) * factor).rounded(.up)))
        let y1 = min(limitHeight, Int((Double(maxY) * factor).rounded(.up)))
        return PixelBox(x: x0, y: y0, width: max(0, x1 - x0), height: max(0, y1 - y0))
    }
}

/// One intermediate image of the extraction, named for people reading a debug strip.
public struct ExtractionStep: Sendable {
    public let name: String
    public let image: GrayImage
    /// Rectangles to outline on the image (the components and digit groups).
    public let boxes: [PixelBox]

    public init(name: String, image: GrayImage, boxes: [PixelBox] = []) {
        self.name = name
        self.image = image
        self.boxes = boxes
    }
}

/// One digit found in an image, normalised the way MNIST digits are: white ink on black,
/// fitted into a 20×20 box by aspect ratio, centred by its centre of mass in 28×28.
public struct DigitCrop: Sendable {
    /// 784 grey levels, row after row, 0 background and 255 full ink (as MNIST).
    public let pixels: [UInt8]
    /// Where the digit is in the original image.
    public let box: PixelBox
    /// The line of text the digit belongs to (0 = top line).
    public let line: Int
    /// The digit's own steps: the masked crop, the stroke-width adjustment, the 28×28 result.
    public let steps: [ExtractionStep]
    /// MNIST-scale stroke width before and after matching (pixels at the 20×20 box scale).
    public let strokeWidth: (measured: Double, adjusted: Double)

    /// The pixels as one feature row for `Pipeline.probabilities(features:)` (0–255 as Float).
    public var features: [Float] { pixels.map(Float.init) }
}

/// Everything the extractor found in one image.
public struct Extraction: Sendable {
    /// Digits in reading order: lines top to bottom, each left to right.
    public let digits: [DigitCrop]
    /// The image-level steps (grey, lighting, threshold, components).
    public let steps: [ExtractionStep]
    /// Things a person should know about the result (no ink found, a fallback was taken…).
    public let warnings: [String]
    /// The size of the image the boxes refer to.
    public let width: Int
    public let height: Int
}
