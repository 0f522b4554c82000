import Foundation
import Synchronization
import Testing
@testable import DigitsKit

@Suite struct NeuralNetworkTests {
    static func parameters(_ assignments: [String]) throws -> NeuralNetwork.Parameters {
        try NeuralNetwork.Parameters.parse(["arch=conv4k3s2,bn,pool2,drop0.2,dense16,dense10", "epochs=4", "batchSize=32",
                                            "optimizer=adam", "learningRate=0.01"] + assignments)
    }

    static func data(_ count: Int, seed: UInt64) throws -> (Matrix, [Int]) {
        let set = try blockDigits(count: count, seed: seed)
        return (try PixelScaler().transform(set.featureMatrix()), set.intLabels)
    }

    @Test func aTinyNetworkLearnsATinyProblem() throws {
        let (x, labels) = try Self.data(300, seed: 1)
        let (testX, testLabels) = try Self.data(100, seed: 2)
        var network = NeuralNetwork(parameters: try Self.parameters([]))
        let summary = try network.fit(x, labels: labels, options: FitOptions(seed: 1))
        #expect(summary.iterations == 4)
        #expect(network.history.map(\.epoch) == [1, 2, 3, 4])
        #expect(network.history.allSatisfy { $0.validationAccuracy == nil }, "no validation set, no early stopping")
        #expect(network.history.last!.loss < network.history.first!.loss)
        let predicted = try network.predict(testX)
        #expect(zip(predicted, testLabels).filter { $0 == $1 }.count >= 95)
    }

    @Test func labelSmoothingKeepsTheNetworkFromCertainty() throws {
        let (x, labels) = try Self.data(300, seed: 1)
        func meanTopProbability(_ assignments: [String]) throws -> Float {
            var network = NeuralNetwork(parameters: try Self.parameters(["epochs=8"] + assignments))
            _ = try network.fit(x, labels: labels, options: FitOptions(seed: 1))
            let p = try network.probabilities(x)
            return (0..<p.rows).map { r in (0..<p.columns).map { p[r, $0] }.max()! }.reduce(0, +) / Float(p.rows)
        }
        let (sharp, smoothed) = (try meanTopProbability([]), try meanTopProbability(["labelSmoothing=0.3"]))
        // ε = 0.3 spreads 0.03 onto each wrong class: the best a digit can get is 0.73.
        #expect(sharp > 0.9)
        #expect(smoothed < 0.8 && smoothed > 0.5, "\(smoothed)")
    }

    @Test func resumingFromACheckpointGivesTheUninterruptedResult() throws {
        let (x, labels) = try Self.data(200, seed: 3)
        let (testX, _) = try Self.data(20, seed: 4)
        let parameters = try Self.parameters(["epochs=3"])
        var straight = NeuralNetwork(parameters: parameters)
        _ = try straight.fit(x, labels: labels, options: FitOptions(seed: 7))

        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = folder.url.appendingPathComponent("run.checkpoint")
        // Stop in the middle of the second epoch (7 batches of 32 per epoch).
        let polls = Mutex(0)
        let stopEarly: @Sendable () -> Bool = { polls.withLock { $0 += 1; return $0 > 10 } }
        var interrupted = NeuralNetwork(parameters: parameters)
        #expect(throws: ClassifierError.interrupted(kind: "nn", checkpoint: url.path, epoch: 2)) {
            _ = try interrupted.fit(x, labels: labels, options: FitOptions(seed: 7, checkpoint: url, shouldStop: stopEarly))
        }
        var resumed = NeuralNetwork(parameters: parameters)
        _ = try resumed.fit(x, labels: labels, options: FitOptions(seed: 7, checkpoint: url, resume: true))
        #expect(try resumed.probabilities(testX) == straight.probabilities(testX))
        #expect(resumed.history.count == 3)

        // A checkpoint from another recipe is refused, not silently mixed in.
        var other = NeuralNetwork(parameters: try Self.parameters(["epochs=5"]))
        #expect(throws: NeuralNetworkError.self) {
            _ = try other.fit(x, labels: labels, options: FitOptions(seed: 7, checkpoint: url, resume: true))
        }
    }

    @Test func aDivergingLossStopsWithAClearError() throws {
        let (x, labels) = try Self.data(100, seed: 5)
        var network = NeuralNetwork(parameters: try Self.parameters(["optimizer=sgd", "learningRate=1e38", "arch=dense10"]))
        do {
            _ = try network.fit(x, labels: labels, options: FitOptions(seed: 1))
            Issue.record("training with a learning rate of 1e38 did not diverge")
        } catch let error as ClassifierError {
            guard case .diverged = error else { Issue.record("unexpected \(error)"); return }
            #expect(error.description.contains("lower learningRate"))
        }
        #expect(!network.isFitted)
    }

    @Test func earlyStoppingCarvesAValidationSetAndKeepsTheBestEpoch() throws {
        let (x, labels) = try Self.data(300, seed: 6)
        var network = NeuralNetwork(parameters: try Self.parameters(["earlyStopping=true", "nIterNoChange=2", "epochs=30"]))
        let summary = try network.fit(x, labels: labels, options: FitOptions(seed: 2))
        #expect(network.history.allSatisfy { $0.validationAccuracy != nil })
        #expect(summary.iterations < 30, "\(summary.stopReason)")
        #expect(summary.stopReason.contains("did not improve"))
    }

    @Test func mlpTakesScikitLearnNames() throws {
        let recipe = try MLPParameters.parse(["hiddenLayerSizes=64,32", "activation=tanh", "alpha=0.01", "batchSize=50",
                                              "solver=sgd", "precision=bfloat16"]).networkParameters()
        #expect(recipe.arch == "dense64tanh,dense32tanh,dense10")
        #expect(recipe.matrixPrecision == .bfloat16)
        #expect(recipe.optimizer == "sgd" && recipe.nesterov && recipe.momentum == 0.9)
        #expect(abs(recipe.weightDecay - 0.01 / 50) < 1e-12)
        #expect(throws: ParameterError.self) { try ModelKind.mlp.makePipeline(parameters: ["hiddenLayerSizes=64,x"]) }
        #expect(ModelKind.cnnB.parameterHelp.contains { $0.hasPrefix("epochs=15 ") })
        #expect(ModelKind.mlp512.parameterHelp.contains { $0.hasPrefix("hiddenLayerSizes=512 ") })
    }
}
