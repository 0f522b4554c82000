import ArgumentParser
import DigitsKit
import Foundation

/// `digits tune MODEL --grid …`: grid or random search scored by cross-validation or a
/// validation carve-out of the training set.
struct Tune: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Search hyper-parameters on MNIST's training set; print the ranked table and the best, draw a chart.",
        discussion: """
        Every combination of the --grid values is tried (or --random N of them, drawn with --seed). \
        Scores come from stratified k-fold cross-validation (--cv, default 5) or from one stratified \
        validation set carved out of the training set (--validation, 1/6 of it, i.e. 10000 of 60000). \
        The test set is never touched. Kinds whose fit already uses both cores (today every kind: see \
        ModelKind.fitsInParallel) are fitted one at a time; any other kind several at once, one per core.
        """)

    @Argument(help: "The model, optionally with fixed parameters: KIND[:NAME=VALUE…].")
    var model: ModelSpec

    @Option(name: .customLong("grid"), parsing: .singleValue,
            help: ArgumentHelp("Values to try for one parameter (repeatable), e.g. 'C=0.01,0.1,1'.", valueName: "NAME=V1,V2,…"))
    var grid: [String] = []

    @Option(help: ArgumentHelp("Number of cross-validation folds.", valueName: "K"))
    var cv: Int?

    @Flag(help: "Score on a stratified validation carve-out of the training set instead of cross-validation.")
    var validation = false

    @Option(help: ArgumentHelp("Try only N random combinations (seeded).", valueName: "N"))
    var random: Int?

    @Option(help: ArgumentHelp("Write the chart here (SVG).", valueName: "FILE"))
    var out: String?

    @OptionGroup var training: TrainingSetOptions

    @Flag(help: "Print one JSON object.")
    var json = false

    func validate() throws {
        if validation && cv != nil { throw ValidationError("choose --cv K or --validation, not both") }
        if let random, random < 1 { throw ValidationError("--random must be at least 1") }
    }

    struct Output: Encodable {
        var model: String
        var method: String
        var seed: UInt64
        var samples: Int
        var trials: [SearchTrial]
        var best: SearchTrial?
        var chart: String?
    }

    func run() async throws {
        let parameterGrid = try ParameterGrid(parsing: grid)
        let method: SearchProtocol
        let (data, folder) = try training.trainingSet()
        method = validation ? .validation(count: data.count / 6) : .crossValidation(folds: cv ?? 5)
        let combinations = random.map { parameterGrid.sample($0, seed: training.seed) } ?? parameterGrid.combinations
        if !json {
            print("Searching \(combinations.count) of \(parameterGrid.count) combinations of \(model) by \(method.description), "
                  + "on \(data.count) training images from \(folder.path) (seed \(training.seed))")
        }
        let bar = ProgressBar(label: "searching", enabled: !json && ProgressBar.terminalsAttached)
        let search = try HyperparameterSearch.run(kind: model.kind, fixed: model.parameters, grid: parameterGrid,
                                                  combinations: combinations, method: method, data: data, seed: training.seed) { done, total in
            bar.update(completed: Int64(done), total: Int64(total), detail: "\(done)/\(total)")
        }
        bar.finish()
        var chartPath: String?
        if let out {
            let url = URL(fileURLWithPath: out)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(search.chart().utf8).write(to: url, options: .atomic)
            chartPath = url.path
        }
        if json {
            try printJSON(Output(model: model.description, method: method.description, seed: training.seed, samples: data.count,
                                 trials: search.ranked, best: search.best, chart: chartPath))
            return
        }
        print(Self.table(search))
        if let best = search.best {
            print("\nBest: \(([model.kind.rawValue] + model.parameters + best.assignments).joined(separator: ":")) with accuracy "
                  + percentText(best.meanScore) + (best.foldScores.count > 1 ? String(format: " ± %.2f %%", best.standardDeviation * 100) : ""))
        }
        if let chartPath { print("Chart: \(chartPath)") }
    }

    /// Rank, one column per parameter, score (± std under cross-validation), fit time.
    static func table(_ search: HyperparameterSearch) -> String {
        let names = search.grid.axes.map(\.name)
        let crossValidated = search.trials.first.map { $0.foldScores.count > 1 } ?? false
        var rows = [["rank"] + names + (crossValidated ? ["accuracy", "± std"] : ["accuracy"]) + ["fit s"]]
        for (rank, trial) in search.ranked.enumerated() {
            var cells = [String(rank + 1)] + names.map { trial.value(of: $0) ?? "—" } + [percentText(trial.meanScore)]
            if crossValidated { cells.append(String(format: "%.2f %%", trial.standardDeviation * 100)) }
            cells.append(String(format: "%.2f", trial.fitSeconds))
            rows.append(cells)
        }
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { cells in
            cells.enumerated().map { column, cell in String(repeating: " ", count: widths[column] - cell.count) + cell }
                .joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
