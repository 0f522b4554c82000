import CBLAS
import Foundation

/// `digits bench nn`: what a network preset costs per epoch, how close its training loop comes
/// to this machine's matrix-product peak, and how soon it reaches an accuracy.
public enum NetworkBenchmark {
    /// A figure measured with Keras 3.15 / tensorflow-cpu 2.21 on this machine, batch as the
    /// preset (source: /work/shared/ANCHORS.md, "scikit-learn 1.9.1 and Keras 3.15 … measured here").
    public struct KerasReference: Sendable, Codable, Equatable {
        public var secondsPerEpoch: ClosedRange<Double>
        public var accuracy: Double
        public var epochs: Int
    }

    public static let keras: [ModelKind: KerasReference] = [
        .mlp6416: KerasReference(secondsPerEpoch: 1.3...1.3, accuracy: 0.9483, epochs: 20),
        .cnnA: KerasReference(secondsPerEpoch: 4.2...4.2, accuracy: 0.9879, epochs: 15),
        .cnnB: KerasReference(secondsPerEpoch: 8.6...10.6, accuracy: 0.9897, epochs: 15),
    ]
    /// Keras's CNN B reached 99.06 % after 10 epochs, about 110 s (ANCHORS.md).
    public static let kerasSecondsTo99 = 110.0

    /// GFLOP/s of a 2048³ float32 matrix product through OpenBLAS with its current threads, best of `runs`.
    public static func sgemmPeak(size: Int = 2048, runs: Int = 3) -> Double {
        let a = [Float](repeating: 0.5, count: size * size), b = [Float](repeating: 0.25, count: size * size)
        var c = [Float](repeating: 0, count: size * size)
        let n = Int32(size)
        var best = Double.infinity
        for _ in 0..<max(1, runs) {
            let start = DispatchTime.now()
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, n, n, 1, a, n, b, n, 0, &c, n)
            best = min(best, secondsSince(start))
        }
        return 2 * pow(Double(size), 3) / best / 1e9
    }

    /// One preset trained for a few epochs, the test set scored after each.
    public struct Run: Sendable, Codable {
        public var model: String
        /// Of the training matrix products (the `precision` parameter).
        public var precision: MatrixPrecision
        public var epochs: [EpochReport]
        /// Floating-point operations of one training epoch's matrix products (6 × multiply-adds × samples).
        public var flopsPerEpoch: Double
        public var keras: KerasReference?

        public var secondsPerEpoch: Double { epochs.map(\.seconds).reduce(0, +) / Double(max(1, epochs.count)) }
        public var testAccuracy: Double? { epochs.last?.validationAccuracy }
        /// Training seconds until the test accuracy first reached `target` (nil: never).
        public func secondsTo(_ target: Double) -> Double? {
            var total = 0.0
            for epoch in epochs {
                total += epoch.seconds
                if (epoch.validationAccuracy ?? 0) >= target { return total }
            }
            return nil
        }

        enum CodingKeys: String, CodingKey {
            case model, precision, epochs, keras
            case flopsPerEpoch = "flops_per_epoch"
        }
    }

    /// Trains `kind` (with `parameters`) on `split.train`, scoring `split.test` after every epoch.
    /// The test set only reports here: nothing is chosen on it.
    public static func run(_ kind: ModelKind, parameters: [String], split: DataSplit, seed: UInt64, exclusive: Bool,
                           progress: (@Sendable (FitProgress) -> Void)? = nil) throws -> Run {
        var pipeline = try kind.makePipeline(parameters: parameters)
        let options = FitOptions(seed: seed, progress: progress, exclusive: exclusive)
        _ = try pipeline.fit(split.train, validation: split.test, options: options)
        guard let network = pipeline.classifier as? NeuralNetwork else { throw ClassifierError.notFitted(kind: kind.rawValue) }
        let flops = 6 * Double(try network.parameters.architecture().multiplyAdds()) * Double(split.train.count)
        return Run(model: kind.rawValue, precision: network.parameters.matrixPrecision, epochs: network.history,
                   flopsPerEpoch: flops, keras: keras[kind])
    }
}
