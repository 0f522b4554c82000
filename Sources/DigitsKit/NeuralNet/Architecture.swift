/// A network's layers as data: what `--arch` strings and model files describe, checked and
/// given shapes before any memory is allocated.
///
/// Input is always one 28×28 grey image (H, W, C) = (28, 28, 1); the last layer must be
/// `dense10` and gives the logits that the softmax cross-entropy loss reads.
public struct Architecture: Sendable, Equatable, Codable, CustomStringConvertible {
    public enum Activation: String, Sendable, Codable, CaseIterable {
        case relu, tanh, sigmoid, linear
    }

    public enum Padding: Sendable, Equatable, Codable {
        /// No padding ("valid"): the output shrinks by `kernel − 1`.
        case valid
        /// Enough zeros that stride 1 keeps the size ("same").
        case same
        /// This many zeros on every side.
        case explicit(Int)
    }

    public enum Layer: Sendable, Equatable, Codable {
        case dense(units: Int, activation: Activation)
        case conv(filters: Int, kernel: Int, stride: Int, padding: Padding, activation: Activation)
        case maxPool(size: Int, stride: Int)
        case averagePool(size: Int, stride: Int)
        case dropout(rate: Float)
        case batchNorm
        case activation(Activation)
        /// Only a marker in the text: NHWC activations are already flat, so dense layers read
        /// them as they are.
        case flatten
    }

    public var layers: [Layer]

    public init(layers: [Layer]) {
        self.layers = layers
    }

    public static let inputShape = Shape(height: Dataset.imageSide, width: Dataset.imageSide, channels: 1)

    public var description: String { layers.map(\.token).joined(separator: ",") }
}

/// The shape of one sample's activations, NHWC without the N: a dense layer's output is
/// (1, 1, units).
public struct Shape: Sendable, Equatable, CustomStringConvertible {
    public var height: Int
    public var width: Int
    public var channels: Int

    public var count: Int { height * width * channels }
    public var isFlat: Bool { height == 1 && width == 1 }
    public var description: String { isFlat ? "\(channels)" : "\(height)×\(width)×\(channels)" }
}

/// An architecture that cannot be built, named by layer (1-based) and token.
public enum ArchitectureError: Error, Equatable, CustomStringConvertible {
    case empty
    case unknownToken(index: Int, token: String)
    case badShape(index: Int, token: String, detail: String)
    case badOutput(token: String)

    public var description: String {
        switch self {
        case .empty:
            return "the architecture is empty; write layers such as \"conv32k3,pool2,dense100,dense10\""
        case let .unknownToken(index, token):
            return "layer \(index) '\(token)': not a layer; expected convFkK[sS][pP|same][act], pool2, avgpool2, "
                + "denseN[act], dropR, bn, relu, tanh, sigmoid or flatten (see `digits train --help`)"
        case let .badShape(index, token, detail):
            return "layer \(index) '\(token)': \(detail)"
        case let .badOutput(token):
            return "the last layer must be 'dense10' (the ten digit logits), not '\(token)'"
        }
    }
}

extension Architecture {
    /// The output shape of every layer (index 0 is the input), or the first layer that does
    /// not fit its input.
    public func shapes() throws(ArchitectureError) -> [Shape] {
        guard let last = layers.last else { throw .empty }
        guard case .dense(10, .linear) = last else { throw .badOutput(token: last.token) }
        var shapes = [Self.inputShape]
        for (offset, layer) in layers.enumerated() {
            let input = shapes[shapes.count - 1]
            func fail(_ detail: String) -> ArchitectureError { .badShape(index: offset + 1, token: layer.token, detail: detail) }
            switch layer {
            case let .dense(units, _):
                guard units >= 1 else { throw fail("a dense layer needs at least one unit") }
                shapes.append(Shape(height: 1, width: 1, channels: units))
            case let .conv(filters, kernel, stride, padding, _):
                guard filters >= 1, kernel >= 1, stride >= 1 else { throw fail("filters, kernel and stride must be at least 1") }
                guard !input.isFlat || input.channels == Self.inputShape.channels else {
                    throw fail("input is flat (\(input.channels) values after a dense layer); convolutions need an image")
                }
                let pad = padding.amount(kernel: kernel)
                let height = (input.height + 2 * pad - kernel) / stride + 1
                let width = (input.width + 2 * pad - kernel) / stride + 1
                guard input.height + 2 * pad >= kernel, input.width + 2 * pad >= kernel, height >= 1, width >= 1 else {
                    throw fail("input is \(input.height)×\(input.width), smaller than the \(kernel)×\(kernel) kernel")
                }
                shapes.append(Shape(height: height, width: width, channels: filters))
            case let .maxPool(size, stride), let .averagePool(size, stride):
                guard size >= 1, stride >= 1 else { throw fail("pool size and stride must be at least 1") }
                guard input.height >= size, input.width >= size else {
                    throw fail("input is \(input.height)×\(input.width), cannot pool by \(size)")
                }
                shapes.append(Shape(height: (input.height - size) / stride + 1, width: (input.width - size) / stride + 1,
                                    channels: input.channels))
            case let .dropout(rate):
                guard rate >= 0, rate < 1 else { throw fail("the dropout rate must be in [0, 1)") }
                shapes.append(input)
            case .batchNorm, .activation, .flatten:
                shapes.append(input)
            }
        }
        return shapes
    }

    /// Trainable values (weights, biases, batch-norm scales and shifts), as Keras counts them
    /// minus batch norm's running statistics.
    public func parameterCount() throws(ArchitectureError) -> Int {
        let shapes = try shapes()
        return zip(layers, shapes).reduce(0) { total, pair in
            let (layer, input) = pair
            switch layer {
            case let .dense(units, _): return total + (input.count + 1) * units
            case let .conv(filters, kernel, _, _, _): return total + (kernel * kernel * input.channels + 1) * filters
            case .batchNorm: return total + 2 * input.channels
            default: return total
            }
        }
    }

    /// Multiply-adds of one sample's forward pass through the dense and convolution layers
    /// (the matrix products); training costs about three times as many (forward, and the
    /// gradients of inputs and weights), 6 × this many floating-point operations.
    public func multiplyAdds() throws(ArchitectureError) -> Int {
        let shapes = try shapes()
        return zip(layers, zip(shapes, shapes.dropFirst())).reduce(0) { total, pair in
            let (layer, (input, output)) = pair
            switch layer {
            case let .dense(units, _): return total + input.count * units
            case let .conv(filters, kernel, _, _, _): return total + output.height * output.width * kernel * kernel * input.channels * filters
            default: return total
            }
        }
    }
}

extension Architecture.Padding {
    func amount(kernel: Int) -> Int {
        switch self {
        case .valid: return 0
        case .same: return (kernel - 1) / 2
        case let .explicit(pad): return pad
        }
    }
}
