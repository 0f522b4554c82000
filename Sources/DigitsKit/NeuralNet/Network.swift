import CBLAS

/// A network built from an `Architecture`: its layers, the shared parameter store, and the
/// activation and gradient buffers of one batch, allocated once and reused (no per-batch
/// allocation). Not thread-safe: one network per thread; layers parallelise internally.
final class Network {
    let architecture: Architecture
    let layers: [any NetworkLayer]
    let store: ParameterStore
    private(set) var capacity = 0
    /// activations[0] is the input batch, activations[i + 1] the output of layer i.
    private var activations: [UnsafeMutablePointer<Float>] = []
    /// gradients[i] is the loss gradient at activations[i] (index 0 unused).
    private var gradients: [UnsafeMutablePointer<Float>] = []
    private var labels = Workspace<Int32>()
    /// The loss's label smoothing ε (`SoftmaxCrossEntropy`).
    let labelSmoothing: Float

    /// `primary`, when given, makes this network a data-parallel replica of it: same
    /// architecture, shared parameter values, its own gradients and activations. `precision` is
    /// that of the dense and convolution layers' training products.
    init(_ architecture: Architecture, dropoutSeed: UInt64 = 0, sharingValuesOf primary: Network? = nil,
         precision: MatrixPrecision = .float32, labelSmoothing: Float = 0) throws(ArchitectureError) {
        self.architecture = architecture
        self.labelSmoothing = labelSmoothing
        let shapes = try architecture.shapes()
        var random = SplitMix64(seed: dropoutSeed)
        var layers: [any NetworkLayer] = []
        for (index, spec) in architecture.layers.enumerated() {
            let (input, output) = (shapes[index], shapes[index + 1])
            switch spec {
            case let .dense(units, activation):
                layers.append(DenseLayer(units: units, activation: activation, input: input, precision: precision))
            case let .conv(filters, kernel, stride, padding, activation):
                layers.append(ConvolutionLayer(filters: filters, kernel: kernel, stride: stride,
                                               padding: padding.amount(kernel: kernel), activation: activation,
                                               input: input, output: output, precision: precision))
            case let .maxPool(size, stride), let .averagePool(size, stride):
                let average = if case .averagePool = spec { true } else { false }
                layers.append(PoolingLayer(size: size, stride: stride, average: average, input: input, output: output))
            case let .dropout(rate):
                layers.append(DropoutLayer(rate: rate, shape: input, random: random.split()))
            case .batchNorm:
                layers.append(BatchNormLayer(shape: input))
            case let .activation(function):
                layers.append(ActivationLayer(function, shape: input))
            case .flatten:
                continue
            }
        }
        self.layers = layers
        store = ParameterStore(layers: layers, sharingValuesOf: primary?.store)
    }

    deinit { release() }

    private func release() {
        for buffer in activations + gradients { buffer.deallocate() }
        activations = []
        gradients = []
    }

    var inputSize: Int { Architecture.inputShape.count }
    var classes: Int { layers.last?.outputShape.count ?? 0 }

    /// Grows the buffers to hold `batch` samples.
    func reserve(batch: Int) {
        guard batch > capacity else { return }
        release()
        let sizes = [inputSize] + layers.map(\.outputShape.count)
        activations = sizes.map { UnsafeMutablePointer<Float>.allocate(capacity: $0 * batch) }
        gradients = sizes.map { UnsafeMutablePointer<Float>.allocate(capacity: $0 * batch) }
        labels.reserve(batch)
        for layer in layers { layer.reserve(batch: batch) }
        capacity = batch
    }

    /// Copies rows `indices` of `x` (N, 784) into the input buffer; returns the batch size.
    func loadBatch(_ x: UnsafePointer<Float>, rows indices: ArraySlice<Int>, labels source: [Int]? = nil) -> Int {
        let batch = indices.count
        reserve(batch: batch)
        let input = activations[0]
        for (r, index) in indices.enumerated() {
            (input + r * inputSize).update(from: x + index * inputSize, count: inputSize)
            if let source { labels.pointer[r] = Int32(source[index]) }
        }
        return batch
    }

    /// The loaded input batch (batch, 784), e.g. for augmentation before `trainStep`.
    var input: UnsafeMutablePointer<Float> { activations[0] }
    /// The loaded batch's labels, e.g. for an augmentation that draws a digit's own style.
    var inputLabels: UnsafePointer<Int32> { UnsafePointer(labels.pointer) }

    /// Runs the loaded batch forward; returns the logits (batch, 10), valid until the next call.
    @discardableResult
    func forward(batch: Int, training: Bool) -> UnsafeMutablePointer<Float> {
        for (index, layer) in layers.enumerated() {
            layer.forward(activations[index], activations[index + 1], batch: batch, training: training)
        }
        return activations[layers.count]
    }

    /// Forward, loss and backward on the loaded batch: afterwards `store.gradients` holds the
    /// gradient of the mean loss.
    func trainStep(batch: Int) -> SoftmaxCrossEntropy.Result {
        let logits = forward(batch: batch, training: true)
        let top = gradients[layers.count]
        top.update(from: logits, count: batch * classes)
        let result = SoftmaxCrossEntropy.lossAndGradient(top, labels: labels.pointer, batch: batch, classes: classes,
                                                          smoothing: labelSmoothing)
        for index in layers.indices.reversed() {
            // The first layer's input gradient is never used: skip computing it.
            let dx = index == 0 ? nil : gradients[index]
            layers[index].backward(x: activations[index], y: activations[index + 1], dy: gradients[index + 1],
                                   dx: dx, batch: batch)
        }
        return result
    }

    /// Softmax probabilities (N, 10) for every row of `x` (N, 784), in batches. With `helpers`
    /// (networks holding the same values), the rows are split between this network and them,
    /// which all run at once, one per core.
    func probabilities(_ x: Matrix, batchSize: Int = 256, helpers: [Network] = []) -> Matrix {
        var result = Matrix(rows: x.rows, columns: classes)
        let networks = [self] + helpers, classes = classes, rows = x.rows
        let share = (rows + networks.count - 1) / networks.count
        x.storage.withUnsafeBufferPointer { source in
            result.storage.withUnsafeMutableBufferPointer { target in
                parallelFor(networks.count) { part in
                    var start = part * share
                    let end = min(rows, start + share)
                    while start < end {
                        let batch = networks[part].loadBatch(source.baseAddress!, rows: Array(start..<min(end, start + batchSize))[...])
                        let logits = networks[part].forward(batch: batch, training: false)
                        (target.baseAddress! + start * classes).update(from: logits, count: batch * classes)
                        start += batch
                    }
                }
            }
        }
        result.applySoftmaxPerRow()
        return result
    }

    /// How many rows of `x` the network classifies as their label.
    func correctCount(_ x: Matrix, labels: [Int]) -> Int {
        let predicted = probabilities(x).argmaxPerRow()
        return zip(predicted, labels).filter { $0 == $1 }.count
    }

    /// The states of the dropout layers' random streams, for checkpoints.
    var dropoutStates: [UInt64] {
        get { layers.compactMap { ($0 as? DropoutLayer)?.random.state } }
        set {
            for (layer, state) in zip(layers.compactMap { $0 as? DropoutLayer }, newValue) {
                layer.random = SplitMix64(seed: state)
            }
        }
    }
}
