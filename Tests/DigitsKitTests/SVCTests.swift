import Foundation
import Testing
@testable import DigitsKit

@Suite struct SVCTests {
    /// Three clusters of four points in the plane (digits 0, 1, 2).
    static let points: [[Float]] = [
        [0, 0], [0.3, 0.1], [0.1, 0.4], [0.5, 0.5],
        [2, 2], [2.2, 1.7], [1.6, 2.3], [1.4, 1.5],
        [0, 2], [0.4, 2.4], [-0.2, 1.6], [0.6, 1.2],
    ]
    static let labels = [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2]
    static let queries: [[Float]] = [[0.2, 0.2], [1.8, 1.9], [0.1, 1.9], [1, 1], [1, 0]]

    static func matrix(_ rows: [[Float]]) -> Matrix {
        Matrix(rows: rows.count, columns: rows[0].count, storage: rows.flatMap { $0 })
    }

    static func fitted(_ assignments: [String], x: Matrix = matrix(points), labels: [Int] = labels) throws -> SVC {
        var model = SVC(parameters: try SVC.Parameters.parse(assignments))
        _ = try model.fit(x, labels: labels, options: FitOptions(seed: 0))
        return model
    }

    /// Reference decision values (pairs 0–1, 0–2, 1–2) computed once with scikit-learn 1.9.1:
    /// `SVC(decision_function_shape="ovo", tol=1e-6, ...).fit(points, labels).decision_function(queries)`.
    /// We compute in Float32 and scikit-learn in Float64, hence the tolerance.
    static let references: [(parameters: [String], decisions: [[Float]])] = [
        (["kernel=rbf", "C=1", "gamma=0.5"],
         [[1.033678, 0.957159, -0.501845], [-1.107205, -0.416520, 1.022605], [-0.102368, -1.115912, -0.982216],
          [-0.071005, -0.083818, -0.128791], [0.640058, 0.752452, -0.220742]]),
        (["kernel=linear", "C=0.5"],
         [[1.058824, 0.885189, -0.980000], [-0.882353, -0.692446, 0.790000], [0.117647, -0.885189, -0.910000],
          [0.117647, 0.148108, -0.100000], [0.705883, 1.182838, -0.200000]]),
        (["kernel=poly", "C=2", "gamma=0.5", "degree=2", "coef0=1"],
         [[1.365185, 1.682700, -1.876829], [-2.221642, -4.906050, 2.560364], [0.024461, -2.870300, -1.761507],
          [0.109195, -0.672500, -0.322013], [1.032605, 1.792500, -0.976350]]),
        (["kernel=rbf", "C=10", "gamma=scale"],
         [[1.122734, 1.477582, -0.891598], [-1.167444, -0.664250, 1.399220], [-0.100970, -1.342956, -1.399126],
          [-0.035230, -0.543658, -0.230653], [0.707620, 1.289967, -0.452481]]),
    ]

    @Test(arguments: 0..<4)
    func decisionValuesMatchScikitLearn(case index: Int) throws {
        let reference = Self.references[index]
        let model = try Self.fitted(reference.parameters + ["tol=1e-6"])
        let decisions = try model.decisionValues(Self.matrix(Self.queries))
        for r in 0..<Self.queries.count {
            for p in 0..<3 {
                #expect(abs(decisions[r, p] - reference.decisions[r][p]) < 2e-3,
                        "\(reference.parameters) query \(r) pair \(p): \(decisions[r, p]) vs \(reference.decisions[r][p])")
            }
        }
    }

    @Test func gammaScaleUsesTheVarianceOfEveryEntry() throws {
        let model = try Self.fitted(["gamma=scale"])
        // scikit-learn's _gamma on these points: 1 / (2 · X.var()).
        #expect(abs(model.gamma - 0.679_309_4) < 1e-5)
    }

    /// Two overlapping Gaussian clouds, so that some multipliers end up at C and some free.
    static func overlappingClouds(count: Int, seed: UInt64) -> (Matrix, [Float]) {
        var rng = SplitMix64(seed: seed)
        var values: [Float] = [], labels: [Float] = []
        for i in 0..<count {
            let label: Float = i % 2 == 0 ? 1 : -1
            let u1 = max(rng.nextUnitFloat(), 1e-7), u2 = rng.nextUnitFloat()
            let radius = (-2 * log(u1)).squareRoot()
            values += [label * 0.8 + radius * cos(2 * .pi * u2), radius * sin(2 * .pi * u2)]
            labels.append(label)
        }
        return (Matrix(rows: count, columns: 2, storage: values), labels)
    }

    @Test(arguments: [SVMKernel.Kind.rbf, .linear, .poly])
    func dualConstraintsHoldAtTheSolution(kind: SVMKernel.Kind) throws {
        let (x, y) = Self.overlappingClouds(count: 120, seed: 4)
        let kernel = SVMKernel(kind: kind, gamma: 0.7, degree: 3, coef0: 1)
        let C = 2.0, tolerance = 1e-4
        let solution = x.storage.withUnsafeBufferPointer { data in
            let rows = KernelRows(data: data.baseAddress!, features: 2, rows: Array(0..<x.rows), labels: y,
                                  kernel: kernel, cacheBytes: 8 * 120 * 4)
            return SMOSolver(rows: rows, labels: y, C: C, tolerance: tolerance).solve(maxIterations: 100_000)
        }
        #expect(solution.converged)
        #expect(solution.alpha.allSatisfy { $0 >= 0 && $0 <= C })
        #expect(abs(zip(solution.alpha, y).reduce(0) { $0 + $1.0 * Double($1.1) }) < 1e-9)
        #expect(solution.alpha.contains { $0 > 0 && $0 < C }, "some multipliers are free")
        #expect(solution.alpha.contains { $0 == C }, "some multipliers are at C")
        // KKT, with the kernel evaluated independently in Double: y·f(x) ≥ 1 where α = 0,
        // = 1 where 0 < α < C, ≤ 1 where α = C.
        func k(_ a: Int, _ b: Int) -> Double {
            let (a0, a1, b0, b1) = (Double(x[a, 0]), Double(x[a, 1]), Double(x[b, 0]), Double(x[b, 1]))
            let dot = a0 * b0 + a1 * b1
            switch kind {
            case .linear: return dot
            case .rbf: return exp(-0.7 * ((a0 - b0) * (a0 - b0) + (a1 - b1) * (a1 - b1)))
            case .poly: return pow(0.7 * dot + 1, 3)
            }
        }
        let slack = 10 * tolerance
        for i in 0..<x.rows {
            let f = (0..<x.rows).reduce(0) { $0 + solution.alpha[$1] * Double(y[$1]) * k($1, i) } - solution.rho
            let margin = Double(y[i]) * f
            if solution.alpha[i] == 0 { #expect(margin >= 1 - slack, "sample \(i): α = 0, y·f = \(margin)") }
            else if solution.alpha[i] == C { #expect(margin <= 1 + slack, "sample \(i): α = C, y·f = \(margin)") }
            else { #expect(abs(margin - 1) <= slack, "sample \(i): α free, y·f = \(margin)") }
        }
    }

    /// Ten overlapping clusters in the plane: plenty of split votes and ties.
    static func tenClusters(count: Int, seed: UInt64) -> (Matrix, [Int]) {
        var rng = SplitMix64(seed: seed)
        var values: [Float] = [], labels: [Int] = []
        for i in 0..<count {
            let digit = i % 10
            let angle = Float(digit) * 2 * .pi / 10
            values += [cos(angle) + 1.5 * (rng.nextUnitFloat() - 0.5), sin(angle) + 1.5 * (rng.nextUnitFloat() - 0.5)]
            labels.append(digit)
        }
        return (Matrix(rows: count, columns: 2, storage: values), labels)
    }

    @Test(arguments: [false, true])
    func probabilitiesAreDistributionsAndFollowTheVote(probability: Bool) throws {
        let (x, labels) = Self.tenClusters(count: 300, seed: 1)
        let model = try Self.fitted(["C=3", "gamma=2", "probability=\(probability)"], x: x, labels: labels)
        let (test, _) = Self.tenClusters(count: 500, seed: 2)
        let p = try model.probabilities(test)
        let decisions = try model.decisionValues(test)
        let pairs = SVC.pairs(classCount: 10)
        let predicted = p.argmaxPerRow()
        var disagreements = 0
        for r in 0..<test.rows {
            let row = p.row(r)
            #expect(row.allSatisfy { $0 >= 0 && $0 <= 1 })
            #expect(abs(row.reduce(0, +) - 1) < 1e-4)
            var votes = [Int](repeating: 0, count: 10)
            for (index, (a, b)) in pairs.enumerated() { votes[decisions[r, index] > 0 ? a : b] += 1 }
            let voted = votes.firstIndex(of: votes.max() ?? 0) ?? -1
            if predicted[r] != voted { disagreements += 1 }
        }
        if probability {
            // Platt probabilities may differ from the vote near the boundaries: these clusters
            // overlap on purpose, so that happens here more often than on digits.
            #expect(disagreements <= test.rows / 10)
        } else {
            #expect(disagreements == 0)
        }
    }

    @Test func pairwiseCouplingRecoversConsistentProbabilities() {
        let truth = [0.5, 0.3, 0.15, 0.05]
        let r = truth.indices.map { i in truth.indices.map { j in i == j ? 0 : truth[i] / (truth[i] + truth[j]) } }
        let p = PlattSigmoid.couple(r)
        for (estimate, expected) in zip(p, truth) { #expect(abs(estimate - expected) < 1e-3) }
    }

    @Test func plattSigmoidIsDecreasingInTheDecisionForThePositiveClass() {
        let decisions: [Float] = [-2, -1.5, -1, -0.2, 0.1, 0.4, 1, 1.2, 2, 2.5]
        let labels: [Float] = [-1, -1, -1, 1, -1, 1, 1, 1, 1, 1]
        let (a, b) = PlattSigmoid.fit(decisions: decisions, labels: labels)
        #expect(a < 0)
        #expect(PlattSigmoid.probability(decision: 2, a: a, b: b) > 0.8)
        #expect(PlattSigmoid.probability(decision: -2, a: a, b: b) < 0.2)
    }

    @Test func vectorisedExponentialIsAccurate() {
        var values = (0..<2000).map { Float($0) * -0.05 + 10 }
        let expected = values.map { Foundation.exp(Double($0)) }
        values.withUnsafeMutableBufferPointer { exponentiate($0.baseAddress!, count: $0.count) }
        for (value, reference) in zip(values, expected) where reference > 1e-37 {
            #expect(abs(Double(value) - reference) <= 1e-6 * reference)
        }
    }

    @Test(arguments: ["C=-1", "kernel=sigmoidal", "gamma=-2", "degree=0", "gamma=wide", "tol=0", "cacheSize=0"])
    func badParametersAreRejectedBeforeTraining(assignment: String) {
        #expect(throws: ParameterError.self) { try ModelKind.svc.makePipeline(parameters: [assignment]) }
        #expect(throws: ParameterError.self) { try ModelKind.pcaSVC.makePipeline(parameters: [assignment]) }
    }

    @Test func decodedBadParametersAreRejectedByFit() throws {
        var parameters = SVC.Parameters()
        parameters.gamma = .value(-2)
        var model = SVC(parameters: parameters)
        #expect(throws: ParameterError.self) {
            try model.fit(Self.matrix(Self.points), labels: Self.labels, options: FitOptions())
        }
        #expect(!model.isFitted)
    }

    @Test func pcaSVCTakesNComponentsAndNamesItWhenAKnobIsUnknown() throws {
        let pipeline = try ModelKind.pcaSVC.makePipeline(parameters: ["nComponents=30", "C=2"])
        #expect((pipeline.transforms[1] as? PCA)?.components == .count(30))
        #expect((pipeline.classifier as? SVC)?.parameters.C == 2)
        #expect(throws: ParameterError.self) { try ModelKind.pcaSVC.makePipeline(parameters: ["nComponents=0"]) }
        do {
            _ = try ModelKind.pcaSVC.makePipeline(parameters: ["nComponent=30"])
            Issue.record("a misspelt knob was accepted")
        } catch let error as ParameterError {
            #expect(error.description.contains("Did you mean 'nComponents'?"))
        }
    }

    @Test func needsAtLeastTwoDigits() {
        var model = SVC()
        #expect(throws: ParameterError.self) {
            try model.fit(Self.matrix(Self.points), labels: [Int](repeating: 3, count: 12), options: FitOptions())
        }
    }

    @Test func damagedStateIsAClearError() throws {
        let model = try Self.fitted([])
        let good = try model.stateTensors()
        func restore(_ tensors: [String: Tensor]) throws -> SVC {
            try SVC.restore(configuration: model.configuration, state: StoredState(file: "test", prefix: "", tensors: tensors))
        }
        let restored = try restore(good)
        #expect(try restored.probabilities(Self.matrix(Self.queries)) == model.probabilities(Self.matrix(Self.queries)))
        var badClasses = good
        badClasses["classes"] = try Tensor([Int32(0), 1, 12], shape: [3])
        #expect(throws: ModelFileError.self) { try restore(badClasses) }
        var badSupport = good
        let count = good["support_classes"]?.shape[0] ?? 0
        badSupport["support_classes"] = try Tensor([Int32](repeating: 7, count: count), shape: [count])
        #expect(throws: ModelFileError.self) { try restore(badSupport) }
        var badShape = good
        badShape["intercepts"] = try Tensor([Float(0), 0], shape: [2])
        #expect(throws: ModelFileError.self) { try restore(badShape) }
        var badGamma = good
        badGamma["gamma"] = try Tensor([Float.nan], shape: [1])
        #expect(throws: ModelFileError.self) { try restore(badGamma) }
    }
}
