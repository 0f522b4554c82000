/// What a model read in one picture: the extractor's digits, each classified by the pipeline.
public struct ImageReading: Sendable {
    public struct Digit: Sendable {
        public let digit: Int
        public let confidence: Float
        /// All ten class probabilities.
        public let probabilities: [Float]
        public let crop: DigitCrop
    }

    public let digits: [Digit]
    public let extraction: Extraction

    /// The digits as text: each line's digits in order, lines separated by a newline.
    public var text: String {
        var lines: [String] = []
        for digit in digits {
            while lines.count <= digit.crop.line { lines.append("") }
            lines[digit.crop.line] += String(digit.digit)
        }
        return lines.filter { !$0.isEmpty }.joined(separator: "\n")
    }

    public var warnings: [String] { extraction.warnings }
}

extension Pipeline {
    /// Extracts the digits of `image` and classifies all of them in one batch, through the same
    /// `probabilities(features:)` the MNIST measurements use.
    public func read(_ image: RasterImage, with extractor: DigitExtractor) throws -> ImageReading {
        try classify(extractor.extract(image))
    }

    /// Classifies the digits an extraction found (the second half of `read`, timed on its own
    /// by `digits bench vision`).
    public func classify(_ extraction: Extraction) throws -> ImageReading {
        guard !extraction.digits.isEmpty else { return ImageReading(digits: [], extraction: extraction) }
        let features = Matrix(rows: extraction.digits.count, columns: 784,
                              storage: extraction.digits.flatMap(\.features))
        let probabilities = try probabilities(features: features)
        let digits = extraction.digits.enumerated().map { index, crop in
            let row = probabilities.row(index)
            let best = row.indices.max { row[$0] < row[$1] } ?? 0
            return ImageReading.Digit(digit: best, confidence: row[best], probabilities: row, crop: crop)
        }
        return ImageReading(digits: digits, extraction: extraction)
    }
}

extension Pipeline {
    /// Classifies one digit that is already MNIST-style — 784 grey levels, 0 background and
    /// 255 ink, centred in 28×28 — without the extractor.
    public func read(mnistPixels pixels: [UInt8]) throws -> ImageReading {
        guard pixels.count == 784 else { throw ClassifierError.featureCountMismatch(kind: kind, expected: 784, got: pixels.count) }
        let row = try probabilities(features: Matrix(rows: 1, columns: 784, storage: pixels.map(Float.init))).row(0)
        let best = row.indices.max { row[$0] < row[$1] } ?? 0
        let box = PixelBox(x: 0, y: 0, width: 28, height: 28)
        let crop = DigitCrop(pixels: pixels, box: box, line: 0, steps: [], strokeWidth: (0, 0))
        let digit = ImageReading.Digit(digit: best, confidence: row[best], probabilities: row, crop: crop)
        return ImageReading(digits: [digit], extraction: Extraction(digits: [crop], steps: [], warnings: [], width: 28, height: 28))
    }
}
