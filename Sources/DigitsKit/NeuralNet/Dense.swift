import CBLAS

/// A fully connected layer: x is (N, I) (any NHWC input read flat), w is (I, O), b is (O),
/// y = act(x·w + b) is (N, O).
final class DenseLayer: NetworkLayer {
    let inputShape: Shape
    let outputShape: Shape
    let activation: Architecture.Activation
    private var w: UnsafeMutablePointer<Float>!
    private var b: UnsafeMutablePointer<Float>!
    private var dw: UnsafeMutablePointer<Float>!
    private var db: UnsafeMutablePointer<Float>!

    init(units: Int, activation: Architecture.Activation, input: Shape) {
        inputShape = input
        outputShape = Shape(height: 1, width: 1, channels: units)
        self.activation = activation
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

    func forward(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, batch: Int, training: Bool) {
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(batch), Int32(units), Int32(inputs),
                    1, x, Int32(inputs), w, Int32(units), 0, y, Int32(units))
        activation.addBiasAndApply(y, rows: batch, columns: units, bias: b)
    }

    func backward(x: UnsafePointer<Float>, y: UnsafePointer<Float>, dy: UnsafeMutablePointer<Float>,
                  dx: UnsafeMutablePointer<Float>?, batch: Int) {
        activation.backward(y: y, dy: dy, count: batch * units)
        // dw = xᵀ·dy (I, O); db = Σ_rows dy; dx = dy·wᵀ (N, I).
        cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, Int32(inputs), Int32(units), Int32(batch),
                    1, x, Int32(inputs), dy, Int32(units), 0, dw, Int32(units))
        columnSums(dy, rows: batch, columns: units, into: db)
        guard let dx else { return }
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(batch), Int32(inputs), Int32(units),
                    1, dy, Int32(units), w, Int32(units), 0, dx, Int32(inputs))
    }
}
