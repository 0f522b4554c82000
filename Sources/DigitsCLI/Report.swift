import ArgumentParser
import DigitsKit
import Foundation

/// `digits report`: everything the student reports did by hand, as one HTML file.
struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write one self-contained HTML report: the data, each model's evaluation, searches, cross-validation and a leaderboard.",
        discussion: """
        Models come from saved files (--models, scored on the test set of the split they were trained with) and/or are \
        trained for the report on the standard split (--train KIND[:NAME=VALUE…]). --search adds the JSON printed by \
        `digits tune --json` or `digits cv --json` (with the tune chart when its file still exists). --images with \
        --labels adds how every model reads a folder of real pictures. The page has no scripts and loads nothing; \
        it follows the reader's light or dark theme.
        """)

    @Option(name: .customLong("models"), parsing: .upToNextOption, help: ArgumentHelp("Saved models to include.", valueName: "FILE"))
    var modelFiles: [String] = []

    @Option(name: .customLong("train"), parsing: .upToNextOption, help: ArgumentHelp("Models to train on the standard split for the report.", valueName: "SPEC"))
    var trainSpecs: [ModelSpec] = []

    @Option(name: .customLong("search"), parsing: .upToNextOption, help: ArgumentHelp("Output of `tune --json` or `cv --json`.", valueName: "FILE"))
    var searchFiles: [String] = []

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Real pictures (files or folders) every model reads, scored against --labels.", valueName: "IMAGE|DIR"))
    var images: [String] = []

    @Option(help: ArgumentHelp("The labels of --images: CSV rows file,value, as `digits predict --labels` reads.", valueName: "FILE"))
    var labels: String?

    @Flag(help: "Read each picture of --images as one digit (as `digits predict --single`).")
    var single = false

    @OptionGroup var dataOptions: DataOptions

    @Option(help: ArgumentHelp("Training images in the PCA and t-SNE maps (0 skips them).", valueName: "N"))
    var embeddingSample = 2000

    @Option(help: "Seed for samples and training.")
    var seed: UInt64 = 0

    @Option(help: ArgumentHelp("The HTML file to write.", valueName: "FILE"))
    var out = "report.html"

    /// What `tune --json` and `cv --json` print, read leniently.
    struct SearchFile: Decodable {
        var model: String?
        var method: String?
        var trials: [SearchTrial]?
        var chart: String?
        var folds: Int?
        var foldScores: [Double]?
        var mean: Double?
        var std: Double?
        var samples: Int?

        enum CodingKeys: String, CodingKey {
            case model, method, trials, chart, folds, mean, std, samples
            case foldScores = "fold_scores"
        }
    }

    func validate() throws {
        guard images.isEmpty == (labels == nil) else {
            throw ValidationError("--images and --labels go together: the pictures and what they should read")
        }
    }

    func run() async throws {
        let expected = try labels.map { try LabelFile(contentsOf: URL(fileURLWithPath: $0)) }
        let searches = try searchFiles.map { path in
            (path, try JSONDecoder().decode(SearchFile.self, from: Data(contentsOf: URL(fileURLWithPath: path))))
        }
        let folder = try dataOptions.resolvedFolder()
        let mnist = try MNIST.load(from: folder)
        var models: [ReportedModel] = []
        var pipelines: [(name: String, pipeline: Pipeline)] = []
        for path in modelFiles {
            let url = URL(fileURLWithPath: path)
            let saved = try ModelFile.load(from: url)
            let spec = try SplitSpec(parsing: saved.card.training?.split ?? "standard")
            let split = try DataSplit(train: mnist.train, test: mnist.test, spec: spec, seed: saved.card.training?.seed ?? 0)
            let task = try saved.card.positive.map { digit throws(DatasetError) in try BinaryTask(positive: digit) }
            printError("scoring \(url.lastPathComponent) …")
            let result = try EvaluationResult(pipeline: saved.pipeline, data: split.test, task: task)
            let name = url.deletingPathExtension().lastPathComponent
            pipelines.append((name, saved.pipeline))
            models.append(ReportedModel(name: name, source: url.lastPathComponent, card: saved.card, result: result,
                                        data: split.test, fitSeconds: saved.card.training?.fitSeconds))
        }
        let standard = try DataSplit(train: mnist.train, test: mnist.test, spec: .standard, seed: seed)
        for spec in trainSpecs {
            printError("training \(spec) on \(standard.train.count) images …")
            let run = try TrainingRun.run(kind: spec.kind, pipeline: spec.makePipeline(), split: standard, splitSpec: .standard, seed: seed)
            pipelines.append((spec.description, run.model.pipeline))
            models.append(ReportedModel(name: spec.description, source: "trained for this report", card: run.model.card,
                                        result: run.test, data: standard.test, fitSeconds: run.fitSeconds))
        }

        var report = HTMLReport(title: "Handwritten digits: data, models and results")
        if !models.isEmpty { report.leaderboard(models) }
        var embeddings: [(method: String, points: Matrix, labels: [Int], score: Double)] = []
        if embeddingSample > 0 {
            printError("embedding \(embeddingSample) images (PCA, t-SNE) …")
            let subset = mnist.train.subset(stratifiedPartition(labels: mnist.train.labels, sizes: [min(embeddingSample, mnist.train.count)], seed: seed)[0])
            let labels = subset.intLabels
            for (method, points) in [("PCA", try Embedding.pca(subset)), ("t-SNE", try Embedding.tsne(subset))] {
                embeddings.append((method, points, labels, Embedding.neighborAccuracy(points, labels: labels)))
            }
        }
        report.overview(train: mnist.train, test: mnist.test, embeddings: embeddings, seed: seed)
        for model in models { report.model(model) }
        if let expected, !pipelines.isEmpty {
            printError("reading the pictures of \(images.joined(separator: ", ")) …")
            report.section("Real pictures", id: "pictures", try picturesSection(pipelines, expected: expected))
        }
        if !searches.isEmpty { report.section("Hyper-parameter searches and cross-validation", id: "searches", Self.searchSections(searches)) }
        report.section("How these numbers were made", id: "method", HTMLReport.paragraph(
            "Models are fitted on the training set only. Hyper-parameters are chosen by cross-validation or on a validation set "
            + "carved out of the training set (digits tune, digits select); the test set scores each final model once. "
            + "Metrics follow scikit-learn's definitions: per-class precision, recall and F1 with zero for a class never predicted, "
            + "macro and support-weighted averages, and ROC curves and AUC as roc_curve and roc_auc_score compute them."))
        let generated = "Written by digits report from MNIST in \(folder.path)."
        let url = URL(fileURLWithPath: out)
        try Data(report.render(generated: generated).utf8).write(to: url, options: .atomic)
        print("Wrote \(url.path) (\(fileSize(url))): \(models.count) models, \(searches.count) searches")
    }

    /// Every model reads every labelled picture, as `digits predict --labels` would: whole
    /// pictures read exactly, and the misses. Each picture is decoded and its digits extracted
    /// once for all models.
    func picturesSection(_ pipelines: [(name: String, pipeline: Pipeline)], expected: LabelFile) throws -> String {
        let extractor = DigitExtractor(options: DigitExtractor.Options(mode: single ? .single : .multi))
        let decoder = ImageDecoder(reduceToLongestSide: extractor.options.workingSize)
        var tallies = [LabelTally](repeating: LabelTally(), count: pipelines.count)
        var unreadable: [String] = []
        for file in try Predict.imageFiles(images) {
            guard let value = expected.value(for: file) else { continue }
            let name = URL(fileURLWithPath: file).lastPathComponent
            guard let image = try? decoder.decode(contentsOf: URL(fileURLWithPath: file)) else {
                unreadable.append(name)
                continue
            }
            // The digits found do not depend on the model: extract once, classify per model.
            let extraction = extractor.extract(image)
            for (index, model) in pipelines.enumerated() {
                tallies[index].add(file: name, expected: value, read: try model.pipeline.classify(extraction))
            }
        }
        let rows = zip(pipelines, tallies).map { model, tally in
            [model.name, "\(tally.correct) of \(tally.count)", percentText(tally.accuracy)]
        }
        var body = HTMLReport.paragraph("Labelled pictures from \(images.joined(separator: ", ")), read "
            + (single ? "as one digit each" : "for every digit they hold") + "; a picture counts when all its digits are read right.")
        body += HTMLReport.table(["model", "pictures read right", "accuracy"], rows, numeric: [1, 2])
        for (model, tally) in zip(pipelines, tallies) where !tally.misses.isEmpty {
            body += "<h3>\(HTMLReport.escape(model.name)): misses</h3>"
            body += HTMLReport.table(["picture", "should read", "read"],
                                     tally.misses.map { [$0.file, $0.expected, $0.read.isEmpty ? "nothing" : $0.read] })
        }
        if !unreadable.isEmpty { body += HTMLReport.paragraph("Not images, or damaged: " + unreadable.joined(separator: ", ")) }
        return body
    }

    static func searchSections(_ searches: [(String, SearchFile)]) -> String {
        var body = ""
        for (path, search) in searches {
            let name = search.model ?? URL(fileURLWithPath: path).lastPathComponent
            if let trials = search.trials {
                body += "<h3>\(HTMLReport.escape(name)): \(HTMLReport.escape(search.method ?? "search"))</h3>"
                let rows = trials.enumerated().map { rank, trial in
                    [String(rank + 1), trial.assignments.joined(separator: " "), percentText(trial.meanScore),
                     trial.foldScores.count > 1 ? percentText(trial.standardDeviation) : "—",
                     String(format: "%.2f", trial.fitSeconds)]
                }
                body += HTMLReport.table(["rank", "parameters", "accuracy", "± std", "fit s"], rows, numeric: [0, 2, 3, 4])
                if let chart = search.chart, let svg = try? String(contentsOfFile: chart, encoding: .utf8), svg.hasPrefix("<svg") {
                    body += HTMLReport.figures([svg])
                }
            } else if let scores = search.foldScores {
                body += "<h3>\(HTMLReport.escape(name)): \(scores.count)-fold cross-validation</h3>"
                let rows = scores.enumerated().map { [String($0 + 1), percentText($1)] }
                body += HTMLReport.table(["fold", "accuracy"], rows, numeric: [0, 1])
                body += HTMLReport.paragraph(String(format: "Mean %.2f %% ± %.2f %% (std over folds) on %d training images.",
                                                    (search.mean ?? 0) * 100, (search.std ?? 0) * 100, search.samples ?? 0))
            }
        }
        return body
    }
}
