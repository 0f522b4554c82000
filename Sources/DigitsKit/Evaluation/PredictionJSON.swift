/// One image's reading as JSON: a line of `digits predict --json` and the body of the web app's
/// `POST /api/predict`, so both speak the same shape:
/// `{"file", "text", "digits": [{"digit", "confidence", "probabilities", "box": [x, y, w, h], "input28"}], "warnings"}`,
/// or `{"file", "error"}`. Absent fields are left out.
public struct PredictionJSON: Encodable, Sendable {
    public struct DigitJSON: Encodable, Sendable {
        public var digit: Int
        public var confidence: Float
        public var probabilities: [Float]
        public var box: [Int]
        /// The 784 grey levels the model saw (0 background, 255 ink), when asked for.
        public var input28: [UInt8]?
    }

    public var file: String?
    public var text: String?
    public var digits: [DigitJSON]?
    public var warnings: [String]?
    public var error: String?
    /// `digits predict --debug`'s strip (original, binarised, components, crops) as a PNG data
    /// URL, when the web app is asked for it.
    public var steps: String?

    public init(file: String?, reading: ImageReading, includeInput: Bool = false) {
        self.file = file
        self.text = reading.text
        self.digits = reading.digits.map {
            let b = $0.crop.box
            return DigitJSON(digit: $0.digit, confidence: $0.confidence, probabilities: $0.probabilities,
                             box: [b.x, b.y, b.width, b.height], input28: includeInput ? $0.crop.pixels : nil)
        }
        self.warnings = reading.warnings
    }

    private init(file: String, error: String) {
        self.file = file
        self.error = error
    }

    public static func failure(file: String, error: String) -> PredictionJSON { PredictionJSON(file: file, error: error) }
}
