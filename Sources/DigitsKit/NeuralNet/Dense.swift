/// A fully connected layer: x is (N, I) (any NHWC input read flat), w is (I, O), b is (O),
/// y = act(x·w + b) is (N, O).
final class DenseLayer: NetworkLayer {
    let inputShape: Shape
    let outputShape: Shape
    let activation: Architecture.Activation
    /// Of the training products; predictions stay float32.
    let precision: MatrixPrecision
    private let biasGradient = BiasGradient()
    private var w: UnsafeMutablePointer<Float>!
    private var b: UnsafeMutablePointer<Float>!
    private var dw: UnsafeMutablePointer<Float>!
    private var db: UnsafeMutablePointer<Float>!

    init(units: Int, activation: Architecture.Activation, input: Shape, precision: MatrixPrecision = .float32) {
        inputShape = input
        outputShape = Shape(height: 1, width: 1, channels: units)
        self.activation = activation
        self.precision = precision
    }

    private var inputs: Int { inputShape.count }
    private var units: Int { outputShape.channels }

    var blocks: [ParameterBlock] {
        [ParameterBlock(name: "weight", shape: [inputs, units], role: .weight, fanIn: inputs, fanOut: units),
         ParameterBlock(name: "bias", shape: [units], role: .bias, fanIn: inputs, fanOut: units)]
    }

    func bind(parameters: [UnsafeMutablePointer<Float>], gradients: [UnsafeMutablePointer<Float>],
              state: UnsafeMutablePointer<Float>) {
        (w, b, dw, db) = (parameters[0], parameters[1], gradients[0], gradients[1])
    }

    func reserve(batch: Int) { biasGradient.reserve(columns: units) }

    func forward(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, batch: Int, training: Bool) {
        matrixProduct(training ? precision : .float32, m: batch, n: units, k: inputs, x, lda: inputs, w, ldb: units, y, ldc: units)
        activation.addBiasAndApply(y, rows: batch, columns: units, bias: b)
    }

    func backward(x: UnsafePointer<Float>, y: UnsafePointer<Float>, dy: UnsafeMutablePointer<Float>,
                  dx: UnsafeMutablePointer<Float>?, batch: Int) {
        biasGradient.backward(activation, y: y, dy: dy, rows: batch, columns: units, into: db)
        // dw = xᵀ·dy (I, O); dx = dy·wᵀ (N, I).
        matrixProduct(precision, transposeA: true, m: inputs, n: units, k: batch, x, lda: inputs, dy, ldb: units, dw, ldc: units)
        guard let dx else { return }
        matrixProduct(precision, transposeB: true, m: batch, n: inputs, k: units, dy, lda: units, w, ldb: units, dx, ldc: inputs)
    }
}
