import Foundation
import Testing
@testable import DigitsKit

@Suite struct LogisticRegressionTests {
    /// Points in a ring around the origin, labelled by angle sector: linearly separable into
    /// three classes through the origin.
    static func sectors(count: Int, seed: UInt64) -> (Matrix, [Int]) {
        var rng = SplitMix64(seed: seed)
        var x = Matrix(rows: count, columns: 2)
        var labels: [Int] = []
        for i in 0..<count {
            let sector = i % 3
            let angle = (Float(sector) + 0.15 + 0.7 * rng.nextUnitFloat()) * 2 * .pi / 3
            let radius = 1 + rng.nextUnitFloat()
            x[i, 0] = radius * cos(angle)
            x[i, 1] = radius * sin(angle)
            labels.append(sector)
        }
        return (x, labels)
    }

    @Test func separatesLinearlySeparableClasses() throws {
        let (x, labels) = Self.sectors(count: 300, seed: 1)
        var model = LogisticRegression(parameters: .init(C: 10, maxIter: 200, tol: 1e-5))
        let summary = try model.fit(x, labels: labels, options: FitOptions())
        #expect(try model.predict(x) == labels)
        #expect(summary.iterations > 0)
        let probabilities = try model.probabilities(x)
        for r in 0..<x.rows {
            let total = (0..<10).reduce(Float(0)) { $0 + probabilities[r, $1] }
            #expect(abs(total - 1) < 1e-5)
            // Digits never seen in training keep a small probability.
            #expect(probabilities[r, 7] < 0.01)
        }
    }

    @Test func convergedSolutionHasZeroGradient() throws {
        // At the optimum of C·ΣCE + ½‖W‖², the gradient X^T(P−Y)·C + W vanishes.
        let (x, labels) = Self.sectors(count: 90, seed: 2)
        let C = 0.5
        var model = LogisticRegression(parameters: .init(C: C, maxIter: 500, tol: 1e-5))
        let summary = try model.fit(x, labels: labels, options: FitOptions())
        #expect(summary.converged)
        let p = try model.probabilities(x)
        for feature in 0..<2 {
            for digit in 0..<10 {
                var g = 0.0
                for r in 0..<x.rows {
                    let residual = Double(p[r, digit]) - (labels[r] == digit ? 1 : 0)
                    g += Double(x[r, feature]) * residual
                }
                let total = C * g + Double(model.weights[feature, digit])
                #expect(abs(total) < 1e-3, "gradient of w[\(feature), \(digit)] is \(total)")
            }
        }
    }

    @Test func refusesToPredictBeforeFit() {
        #expect(throws: ClassifierError.notFitted(kind: "logreg")) {
            try LogisticRegression().probabilities(Matrix(rows: 1, columns: 2))
        }
    }

    @Test func rejectsNonsenseParametersBeforeTraining() {
        #expect(throws: ParameterError.self) { try LogisticRegression.Parameters.parse(["C=-1"]) }
        #expect(throws: ParameterError.self) { try LogisticRegression.Parameters.parse(["maxIter=0"]) }
        do {
            _ = try LogisticRegression.Parameters.parse(["c=1"])
            Issue.record("a misspelt name must be rejected")
        } catch {
            #expect(error.description.contains("Did you mean 'C'?"))
        }
        #expect(throws: ParameterError.malformed(assignment: "C")) { try LogisticRegression.Parameters.parse(["C"]) }
        #expect(throws: ParameterError.self) { try LogisticRegression.Parameters.parse(["tol=abc"]) }
        let parsed = try? LogisticRegression.Parameters.parse(["C=2.5", "maxIter=50"])
        #expect(parsed == .init(C: 2.5, maxIter: 50, tol: 1e-4))
    }

    @Test func messagesNameTheParameterAndTheRange() {
        do {
            _ = try LogisticRegression.Parameters.parse(["C=-1"])
        } catch {
            #expect(error.description == "The 'C' parameter of LogisticRegression must be a float in (0, ∞). Got -1.")
        }
    }
}

@Suite struct LBFGSTests {
    @Test func minimisesRosenbrock() {
        let result = LBFGS(maxIterations: 500, gradientTolerance: 1e-8).minimize(from: [-1.2, 1]) { p in
            let (x, y) = (p[0], p[1])
            let value = 100 * (y - x * x) * (y - x * x) + (1 - x) * (1 - x)
            let gradient = [-400 * x * (y - x * x) - 2 * (1 - x), 200 * (y - x * x)]
            return (value, gradient)
        }
        #expect(result.converged)
        #expect(abs(result.x[0] - 1) < 1e-5 && abs(result.x[1] - 1) < 1e-5)
    }

    @Test func stopsAtMaxIterationsAndSaysSo() {
        let result = LBFGS(maxIterations: 3, gradientTolerance: 1e-12).minimize(from: [-1.2, 1]) { p in
            let (x, y) = (p[0], p[1])
            return (100 * (y - x * x) * (y - x * x) + (1 - x) * (1 - x),
                    [-400 * x * (y - x * x) - 2 * (1 - x), 200 * (y - x * x)])
        }
        #expect(!result.converged)
        #expect(result.iterations == 3)
        #expect(result.stopReason == "maxIter reached")
    }
}
