import Foundation
import Testing
@testable import DigitsKit

@Suite struct ModelSelectionTests {
    @Test func crossValidationIsDeterministicAndTheSameInParallel() throws {
        let data = try blockDigits(count: 200, seed: 1)
        let spec = try ModelSpec(parsing: "logreg:C=0.5")
        let sequential = try CrossValidation.score(spec, data: data, folds: 4, seed: 3, parallel: false)
        let parallel = try CrossValidation.score(spec, data: data, folds: 4, seed: 3, parallel: true)
        #expect(sequential.foldScores == parallel.foldScores)
        #expect(sequential.foldScores.count == 4)
        #expect(sequential.mean > 0.9)
    }

    @Test func meanAndPopulationStandardDeviation() {
        // numpy: np.std([0.9, 0.8, 1.0]) = 0.0816496580927726 (ddof = 0, as in cv_results_).
        let result = CrossValidationResult(foldScores: [0.9, 0.8, 1.0], fitSeconds: [0, 0, 0])
        #expect(abs(result.mean - 0.9) < 1e-12)
        #expect(abs(result.standardDeviation - 0.0816496580927726) < 1e-12)
    }

    @Test func gridEnumeratesLastAxisFastestAndSamplesWithoutRepeats() throws {
        let grid = try ParameterGrid(parsing: ["C=0.1,1", "maxIter=50,100,200"])
        #expect(grid.count == 6)
        #expect(grid.combinations[0] == ["C=0.1", "maxIter=50"])
        #expect(grid.combinations[1] == ["C=0.1", "maxIter=100"])
        #expect(grid.combinations[5] == ["C=1", "maxIter=200"])
        let sample = grid.sample(4, seed: 7)
        #expect(sample.count == 4 && Set(sample.map { $0.joined() }).count == 4)
        #expect(sample == grid.sample(4, seed: 7))
        #expect(grid.sample(10, seed: 7) == grid.combinations)
        #expect(throws: ParameterGridError.self) { try ParameterGrid(parsing: ["C"]) }
        #expect(throws: ParameterGridError.self) { try ParameterGrid(parsing: ["C=1", "C=2"]) }
    }

    @Test func modelSpecSyntax() throws {
        let spec = try ModelSpec(parsing: "logreg:C=0.5:maxIter=20")
        #expect(spec.kind == .logreg && spec.parameters == ["C=0.5", "maxIter=20"])
        #expect(spec.description == "logreg:C=0.5:maxIter=20")
        #expect(throws: ModelSpecError.self) { try ModelSpec(parsing: "resnet:C=1") }
        #expect(throws: ParameterError.self) { try ModelSpec(parsing: "logreg:C=-1") }
    }

    @Test func searchRanksTrialsAndIsRepeatable() throws {
        let data = try blockDigits(count: 200, seed: 1)
        // One principal component cannot tell ten block positions apart; twenty can.
        let grid = try ParameterGrid(parsing: ["nComponents=1,20"])
        let run = { (parallel: Bool) in
            try HyperparameterSearch.run(kind: .pcaSVC, grid: grid, method: .crossValidation(folds: 3), data: data, seed: 2, parallel: parallel)
        }
        let a = try run(false), b = try run(true)
        #expect(a.trials.map(\.foldScores) == b.trials.map(\.foldScores))
        #expect(a.best?.assignments == ["nComponents=20"])
        #expect(a.trials[0].meanScore < 0.8)
        #expect(a.ranked.map(\.meanScore) == a.ranked.map(\.meanScore).sorted(by: >))
        #expect(a.chart().contains("<path"))
        let validation = try HyperparameterSearch.run(kind: .pcaSVC, grid: grid, method: .validation(count: 50), data: data, seed: 2)
        #expect(validation.trials.allSatisfy { $0.foldScores.count == 1 })
        let twoAxes = try HyperparameterSearch.run(kind: .logreg, grid: ParameterGrid(parsing: ["C=0.01,1", "maxIter=5,50"]),
                                                   method: .validation(count: 50), data: data, seed: 2)
        #expect(twoAxes.chart().contains("maxIter"))
    }

    @Test func selectionChoosesOnValidationAndRefitsOnTrainingPlusValidation() throws {
        let train = try blockDigits(count: 300, seed: 1)
        let test = try blockDigits(count: 100, seed: 2)
        let split = try DataSplit(train: train, test: test, spec: .standard, seed: 0).carvingValidation(count: 60, seed: 4)
        #expect(split.train.count == 240 && split.validation.count == 60)
        // Back together in the original order: exactly the training set.
        #expect(split.trainingAndValidation == train)
        let candidates = [ModelSpec(kind: .pcaSVC, parameters: ["nComponents=1"]), ModelSpec(kind: .logreg), ModelSpec(kind: .logreg, parameters: ["C=1"])]
        let selection = try ModelSelection.run(candidates, split: split, splitSpec: .standard, seed: 0)
        // logreg and logreg:C=1 both score 1 on validation: the tie goes to the one listed first.
        #expect(selection.chosen == candidates[1])
        #expect(selection.candidates[0].validationAccuracy < selection.candidates[1].validationAccuracy)
        #expect(selection.final.model.card.training?.trainingSamples == 300)
        #expect(selection.final.model.card.training?.dataFingerprint == train.fingerprint())
        #expect(throws: SelectionError.self) {
            try ModelSelection.run([ModelSpec(kind: .logreg)], split: DataSplit(train: train, validation: .empty, test: test),
                                   splitSpec: .standard, seed: 0)
        }
    }
}
