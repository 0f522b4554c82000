import Foundation
import Testing
@testable import DigitsKit

@Suite struct SGDClassifierTests {
    /// Digit d is a bump on feature d over small non-negative noise: each digit is linearly
    /// separable from the rest.
    static func clusters(count: Int, seed: UInt64) -> (Matrix, [Int]) {
        var rng = SplitMix64(seed: seed)
        var x = Matrix(rows: count, columns: 12)
        var labels: [Int] = []
        for r in 0..<count {
            let digit = r % 10
            for c in 0..<12 where rng.next() % 3 == 0 { x[r, c] = 0.4 * rng.nextUnitFloat() }
            x[r, digit] = 1 + rng.nextUnitFloat()
            labels.append(digit)
        }
        return (x, labels)
    }

    static func parameters(_ loss: SGDLoss = .hinge, averaged: Bool = false, _ change: (inout SGDClassifier.Parameters) -> Void = { _ in })
        -> SGDClassifier.Parameters
    {
        var p = SGDClassifier.Parameters()
        p.loss = loss.rawValue
        p.averaged = averaged
        change(&p)
        return p
    }

    @Test(arguments: SGDLoss.allCases, [false, true])
    func separatesASeparableSet(loss: SGDLoss, averaged: Bool) throws {
        let (x, labels) = Self.clusters(count: 300, seed: 1)
        var model = SGDClassifier(parameters: Self.parameters(loss, averaged: averaged))
        let summary = try model.fit(x, labels: labels, options: FitOptions(seed: 2))
        #expect(summary.converged)
        let (test, truth) = Self.clusters(count: 100, seed: 3)
        #expect(try model.predict(test) == truth)
        let p = try model.probabilities(test)
        let scores = try model.decisionFunction(test)
        for r in 0..<test.rows {
            #expect(abs(p.row(r).reduce(0, +) - 1) < 1e-5)
            if loss != .modifiedHuber {
                // Monotone maps of the scores: the most probable digit has the largest score.
                #expect(p.argmaxPerRow()[r] == scores.argmaxPerRow()[r])
            }
        }
    }

    @Test func probabilitiesFollowScikitLearnsFormulas() throws {
        let (x, labels) = Self.clusters(count: 200, seed: 4)
        for loss in [SGDLoss.logLoss, .modifiedHuber] {
            var model = SGDClassifier(parameters: Self.parameters(loss))
            _ = try model.fit(x, labels: labels, options: FitOptions(seed: 1))
            let scores = try model.decisionFunction(x)
            let p = try model.probabilities(x)
            for r in 0..<5 {
                let mapped = scores.row(r).map { s -> Double in
                    loss == .logLoss ? 1 / (1 + exp(-Double(s))) : (min(1, max(-1, Double(s))) + 1) / 2
                }
                let total = mapped.reduce(0, +)
                for c in 0..<10 { #expect(abs(Double(p[r, c]) - mapped[c] / total) < 1e-6) }
            }
        }
    }

    /// Dense SGD written out plainly: the explicit shrink of every weight at every step and the
    /// explicit running average, which the lazy scaled form must reproduce.
    static func denseReference(_ x: Matrix, _ y: [Double], loss: SGDLoss, alpha: Double, eta: (Double) -> Double, epochs: Int)
        -> (w: [Double], b: Double, averageW: [Double], averageB: Double)
    {
        var w = [Double](repeating: 0, count: x.columns), b = 0.0
        var averageW = w, averageB = 0.0
        var t = 1.0
        for _ in 0..<epochs {
            for i in 0..<x.rows {
                let row = x.row(i).map(Double.init)
                let score = zip(w, row).map(*).reduce(0, +) + b
                let step = eta(t)
                let update = -step * loss.derivative(score, y[i])
                for c in w.indices { w[c] = w[c] * max(0, 1 - step * alpha) + update * row[c] }
                b += update
                for c in w.indices { averageW[c] += (w[c] - averageW[c]) / t }
                averageB += (b - averageB) / t
                t += 1
            }
        }
        return (w, b, averageW, averageB)
    }

    @Test(arguments: SGDLoss.allCases, [SGDClassifier.LearningRate.optimal, .constant, .invscaling])
    func lazyScalingAndAveragingMatchDenseSGD(loss: SGDLoss, schedule: SGDClassifier.LearningRate) throws {
        let (x, labels) = Self.clusters(count: 40, seed: 5)
        let alpha = 0.01
        let t0 = 1 / ((1 / alpha.squareRoot()).squareRoot() * alpha)
        let eta: (Double) -> Double = switch schedule {
        case .optimal: { 1 / (alpha * (t0 + $0 - 1)) }
        case .invscaling: { 0.1 / pow($0, 0.5) }
        default: { _ in 0.1 }
        }
        let reference = Self.denseReference(x, labels.map { $0 == 3 ? 1 : -1 }, loss: loss, alpha: alpha, eta: eta, epochs: 3)
        for averaged in [false, true] {
            var model = SGDClassifier(parameters: Self.parameters(loss, averaged: averaged) {
                $0.alpha = alpha
                $0.learningRate = schedule.rawValue
                $0.eta0 = 0.1
                $0.maxIter = 3
                $0.nIterNoChange = 100
                $0.shuffle = false
            })
            _ = try model.fit(x, labels: labels, options: FitOptions())
            let expected = averaged ? reference.averageW : reference.w
            for c in 0..<x.columns {
                #expect(abs(Double(model.weights[c, 3]) - expected[c]) <= 1e-5 * max(1, abs(expected[c])), "weight \(c), averaged \(averaged)")
            }
            let intercept = averaged ? reference.averageB : reference.b
            #expect(abs(Double(model.intercepts[3]) - intercept) <= 1e-5 * max(1, abs(intercept)))
        }
    }

    @Test func rejectsBadParameters() throws {
        for bad in ["alpha=0", "loss=squared_error", "maxIter=0", "nIterNoChange=0", "tol=-1", "learningRate=fast", "averaged=maybe"] {
            #expect(throws: ParameterError.self, "\(bad)") { try SGDClassifier.Parameters.parse([bad]) }
        }
        let (x, labels) = Self.clusters(count: 20, seed: 1)
        var model = SGDClassifier(parameters: try .parse(["learningRate=constant"]))
        #expect {
            _ = try model.fit(x, labels: labels, options: FitOptions())
        } throws: { error in
            "\(error)".contains("'eta0'")
        }
    }

    @Test func divergenceIsAnError() throws {
        var (x, labels) = Self.clusters(count: 20, seed: 1)
        x[0, 0] = 1e30
        var model = SGDClassifier(parameters: try .parse(["learningRate=constant", "eta0=1e20", "alpha=1e-30"]))
        #expect(throws: ClassifierError.self) { _ = try model.fit(x, labels: labels, options: FitOptions()) }
    }
}
