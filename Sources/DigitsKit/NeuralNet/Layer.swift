/// One trainable array of a layer; the network places every block in one shared allocation.
struct ParameterBlock {
    enum Role {
        /// Multiplies inputs: initialised randomly and decayed by L2 / weight decay.
        case weight
        /// Added to outputs: starts at zero, never decayed.
        case bias
        /// Batch norm's γ: starts at one, never decayed.
        case scale
    }

    let name: String
    let shape: [Int]
    let role: Role
    /// Inputs and outputs feeding one value, for the He and Glorot initialisers.
    let fanIn: Int
    let fanOut: Int

    var count: Int { shape.reduce(1, *) }
}

/// A layer as a forward/backward pair over contiguous `Float` buffers of a whole batch.
///
/// Activations are NHWC: `x` is (N, H, W, C) with channels fastest. That layout makes a
/// convolution's im2col rows (one per output pixel) gather whole channel runs, and its sgemm
/// output (N·OH·OW, F) *is* the next layer's NHWC input, so no transposition is ever needed.
protocol NetworkLayer: AnyObject {
    var inputShape: Shape { get }
    var outputShape: Shape { get }
    /// Trainable arrays, in the order `bind` receives them.
    var blocks: [ParameterBlock] { get }
    /// Non-trainable values kept with the model (batch norm's running mean and variance).
    var stateCount: Int { get }

    /// Points the layer at its slices of the shared parameter, gradient and state buffers.
    func bind(parameters: [UnsafeMutablePointer<Float>], gradients: [UnsafeMutablePointer<Float>],
              state: UnsafeMutablePointer<Float>)
    /// Makes workspaces large enough for `batch` samples; called before a larger batch runs.
    func reserve(batch: Int)
    func forward(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, batch: Int, training: Bool)
    /// Writes the parameter gradients (overwriting, not accumulating) and, when `dx` is given,
    /// the input gradient. `dy` may be overwritten.
    func backward(x: UnsafePointer<Float>, y: UnsafePointer<Float>, dy: UnsafeMutablePointer<Float>,
                  dx: UnsafeMutablePointer<Float>?, batch: Int)
}

extension NetworkLayer {
    var blocks: [ParameterBlock] { [] }
    var stateCount: Int { 0 }
    func bind(parameters: [UnsafeMutablePointer<Float>], gradients: [UnsafeMutablePointer<Float>],
              state: UnsafeMutablePointer<Float>) {}
    func reserve(batch: Int) {}
}

/// A growable scratch buffer owned by one layer, reused from batch to batch.
final class Workspace<Element> {
    private(set) var pointer: UnsafeMutablePointer<Element>
    private(set) var capacity: Int

    init() {
        capacity = 0
        pointer = UnsafeMutablePointer<Element>.allocate(capacity: 1)
    }

    deinit { pointer.deallocate() }

    func reserve(_ count: Int) {
        guard count > capacity else { return }
        pointer.deallocate()
        pointer = UnsafeMutablePointer<Element>.allocate(capacity: count)
        capacity = count
    }
}
