import ArgumentParser
import DigitsKit
import Foundation

/// `digits data …`: check and fetch the MNIST files.
public struct DataCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "Check or download the MNIST data.",
        subcommands: [Verify.self, Download.self]
    )

    public init() {}

    /// `digits data verify`: reads all four files and reports on each.
    public struct Verify: ParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Check the MNIST files: headers, sizes, labels, counts; print images per digit.",
            discussion: "Exits with status 0 only when all four files are sound."
        )

        @OptionGroup public var options: DataOptions

        public init() {}

        public func run() throws {
            let folder = try options.resolvedFolder()
            let report = DatasetVerification(folder: folder)
            print(Self.render(report))
            guard report.isSound else {
                FileHandle.standardError.write(Data(
                    "error: the MNIST data in \(folder.path) is not usable; fix the files above, run `digits data download`, or pass --data DIR\n".utf8))
                throw ExitCode.failure
            }
        }

        /// The per-file lines and, when the labels could be read, the images-per-digit table.
        public static func render(_ report: DatasetVerification) -> String {
            var lines = ["MNIST in \(report.folder.path)"]
            let nameWidth = report.files.map { ($0.name ?? "").count }.max() ?? 0
            for file in report.files {
                let role = file.role.title.padding(toLength: 13, withPad: " ", startingAt: 0)
                let name = (file.name ?? "—").padding(toLength: max(nameWidth, 1), withPad: " ", startingAt: 0)
                let status = file.problem.map { "FAILED: \($0)" } ?? "ok, \(file.count ?? 0)"
                lines.append("  \(role) \(name)  \(status)")
            }
            guard report.trainDigitCounts != nil || report.testDigitCounts != nil else { return lines.joined(separator: "\n") }
            lines.append("")
            lines.append("digit    train     test")
            func cell(_ counts: [Int]?, _ digit: Int?) -> String {
                var value = "—"
                if let counts { value = String(digit.map { counts[$0] } ?? counts.reduce(0, +)) }
                return String(repeating: " ", count: max(0, 8 - value.count)) + value
            }
            for digit in 0..<Dataset.classCount {
                lines.append("    \(digit) \(cell(report.trainDigitCounts, digit)) \(cell(report.testDigitCounts, digit))")
            }
            lines.append("total \(cell(report.trainDigitCounts, nil)) \(cell(report.testDigitCounts, nil))")
            return lines.joined(separator: "\n")
        }
    }

    /// `digits data download`: fetches the original files and checks their MD5s.
    public struct Download: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Download MNIST from public mirrors, checking each file's published MD5.",
            discussion: "Files already present with the right checksum are kept."
        )

        @Option(help: ArgumentHelp("Folder to download into (default: $DIGITS_DATA, else the user cache folder).",
                                   valueName: "DIR"))
        public var dir: String?

        public init() {}

        public func run() async throws {
            let environment = ProcessInfo.processInfo.environment
            let folder = DataFolder.downloadFolder(explicit: dir, environment: environment,
                                                   currentDirectory: DataOptions.currentDirectory,
                                                   home: FileManager.default.homeDirectoryForCurrentUser)
            let bar = ProgressBar(label: "Downloading MNIST")
            let results: [(name: String, outcome: MNISTDownloader.Outcome)]
            do {
                results = try await MNISTDownloader().download(to: folder) { progress in
                    var detail = "\(progress.file) (\(progress.fileIndex + 1)/\(progress.fileCount)) "
                        + ProgressBar.megabytes(progress.bytesReceived)
                    if let total = progress.totalBytes { detail += " / " + ProgressBar.megabytes(total) }
                    bar.update(completed: progress.bytesReceived, total: progress.totalBytes, detail: detail)
                }
            } catch {
                bar.finish()
                throw error
            }
            bar.finish()
            for (name, outcome) in results {
                switch outcome {
                case let .downloaded(mirror): print("\(name): downloaded from \(mirror.absoluteString)")
                case .alreadyPresent: print("\(name): already present, checksum ok")
                }
            }
            print("MNIST is in \(folder.path)")
            let found = try? DataFolder.resolve(explicit: nil, environment: environment,
                                                currentDirectory: DataOptions.currentDirectory,
                                                home: FileManager.default.homeDirectoryForCurrentUser)
            if found?.standardizedFileURL.path != folder.standardizedFileURL.path {
                print("Other commands will not look there by themselves: pass --data \(folder.path) or set DIGITS_DATA.")
            }
        }
    }
}

extension MNISTFileRole {
    /// The role as a reader says it: "train images".
    var title: String {
        switch self {
        case .trainImages: "train images"
        case .trainLabels: "train labels"
        case .testImages: "test images"
        case .testLabels: "test labels"
        }
    }
}
