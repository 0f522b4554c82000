import ArgumentParser

/// The `digits` command: every subcommand is a thin layer over DigitsKit.
public struct Digits: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "digits",
        abstract: "Handwritten-digit recognition: learn from MNIST, measure honestly, read real digits.",
        subcommands: []
    )

    public init() {}
}
