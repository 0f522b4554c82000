import ArgumentParser

/// The `digits` command: every subcommand is a thin layer over DigitsKit.
public struct Digits: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "digits",
        abstract: "Handwritten-digit recognition: learn from MNIST, measure honestly, read real digits.",
        subcommands: [Train.self, Evaluate.self, Predict.self, Serve.self, CrossValidate.self, Tune.self, Select.self,
                      Explore.self, Report.self, Bench.self, DataCommand.self, DevSetCommand.self, EnsembleCommand.self,
                      FeedbackCommand.self]
    )

    public init() {}
}

extension Digits {
    /// True when the `digits` executable runs the command, false when a test runs commands
    /// in-process. Process-wide settings (OpenBLAS's thread count, the heap's) are changed only
    /// in the first case: in a test process they would change the results of tests running alongside.
    nonisolated(unsafe) public static var ownsProcess = false

    /// The entry point of the `digits` executable. It exists because that target does not import
    /// ArgumentParser, and there `Digits.main()` resolves to ParsableCommand's synchronous
    /// `main()`, which prints help instead of running async subcommands.
    public static func runAsync() async {
        ownsProcess = true
        HeapTuning.keepPictureSizedBlocks()
        await main(nil)
    }
}
