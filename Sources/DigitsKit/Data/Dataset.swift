/// Labelled 28×28 grey images: pixels as bytes (N×784, row-major, 0 = background), labels 0–9.
///
/// A `Dataset` is cheap to pass around; it becomes a `Matrix` only inside a transform
/// (see `featureMatrix()`), so the 8-bit pixels stay available to models that work on them.
public struct Dataset: Sendable, Equatable {
    public static let imageSide = 28
    public static let featureCount = imageSide * imageSide
    public static let classCount = 10

    /// `count × 784` pixel values, image after image.
    public let pixels: [UInt8]
    public let labels: [UInt8]

    public var count: Int { labels.count }

    /// Checks that pixels and labels agree and that every label is a digit.
    public init(pixels: [UInt8], labels: [UInt8]) throws(DatasetError) {
        guard pixels.count == labels.count * Self.featureCount else {
            throw .shapeMismatch(pixelCount: pixels.count, labelCount: labels.count)
        }
        if let bad = labels.firstIndex(where: { $0 >= Self.classCount }) {
            throw .labelOutOfRange(index: bad, value: Int(labels[bad]))
        }
        self.pixels = pixels
        self.labels = labels
    }

    /// An empty data set.
    public static let empty = Dataset(unchecked: [], labels: [])

    /// For pixels and labels whose shape is known to be right.
    init(unchecked pixels: [UInt8], labels: [UInt8]) {
        self.pixels = pixels
        self.labels = labels
    }

    /// The 784 pixels of image `index`.
    public func image(_ index: Int) -> ArraySlice<UInt8> {
        pixels[index * Self.featureCount ..< (index + 1) * Self.featureCount]
    }

    /// The images at `indices`, in that order.
    public func subset(_ indices: [Int]) -> Dataset {
        let d = Self.featureCount
        var newPixels = [UInt8](repeating: 0, count: indices.count * d)
        var newLabels = [UInt8](repeating: 0, count: indices.count)
        pixels.withUnsafeBufferPointer { source in
            newPixels.withUnsafeMutableBufferPointer { target in
                for (row, index) in indices.enumerated() {
                    (target.baseAddress! + row * d).update(from: source.baseAddress! + index * d, count: d)
                    newLabels[row] = labels[index]
                }
            }
        }
        return Dataset(unchecked: newPixels, labels: newLabels)
    }

    /// This set followed by `other`.
    public func appending(_ other: Dataset) -> Dataset {
        Dataset(unchecked: pixels + other.pixels, labels: labels + other.labels)
    }

    /// How many images carry each digit, indexed by digit.
    public func classCounts() -> [Int] {
        var counts = [Int](repeating: 0, count: Self.classCount)
        for label in labels { counts[Int(label)] += 1 }
        return counts
    }

    /// The pixels as a `count × 784` matrix of raw grey levels (0–255).
    public func featureMatrix() -> Matrix {
        var matrix = Matrix(rows: count, columns: Self.featureCount)
        pixels.withUnsafeBufferPointer { source in
            matrix.storage.withUnsafeMutableBufferPointer { target in
                for i in 0..<source.count { target[i] = Float(source[i]) }
            }
        }
        return matrix
    }

    /// The labels as `Int`s, for metrics and classifiers.
    public var intLabels: [Int] { labels.map(Int.init) }
}

/// A data set whose pixels and labels do not describe the same images.
public enum DatasetError: Error, Equatable, CustomStringConvertible {
    case shapeMismatch(pixelCount: Int, labelCount: Int)
    case labelOutOfRange(index: Int, value: Int)

    public var description: String {
        switch self {
        case let .shapeMismatch(pixelCount, labelCount):
            return "\(pixelCount) pixel values do not make \(labelCount) images of 28×28"
        case let .labelOutOfRange(index, value):
            return "label \(value) of image \(index) is not a digit 0–9"
        }
    }
}
