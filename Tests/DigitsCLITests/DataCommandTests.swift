import ArgumentParser
import DigitsCLI
import DigitsKit
import Foundation
import Testing

@Suite struct DataCommandTests {
    /// A folder with plain (uncompressed) IDX files: training labels 3 7, test label 9.
    private func smallFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("digits-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        func header(_ words: [UInt32]) -> [UInt8] { words.flatMap { w in [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: w >> $0) } } }
        let files: [(String, [UInt8])] = [
            ("train-images-idx3-ubyte", header([0x803, 2, 28, 28]) + [UInt8](repeating: 0, count: 2 * 784)),
            ("train-labels-idx1-ubyte", header([0x801, 2]) + [3, 7]),
            ("t10k-images-idx3-ubyte", header([0x803, 1, 28, 28]) + [UInt8](repeating: 0, count: 784)),
            ("t10k-labels-idx1-ubyte", header([0x801, 1]) + [9]),
        ]
        for (name, bytes) in files { try Data(bytes).write(to: folder.appendingPathComponent(name)) }
        return folder
    }

    @Test func parsesVerifyWithDataFolder() throws {
        let command = try Digits.parseAsRoot(["data", "verify", "--data", "/srv/mnist"])
        #expect((command as? DataCommand.Verify)?.options.data == "/srv/mnist")
    }

    @Test func parsesDownloadWithTargetFolder() throws {
        let command = try Digits.parseAsRoot(["data", "download", "--dir", "/tmp/mnist"])
        #expect((command as? DataCommand.Download)?.dir == "/tmp/mnist")
    }

    @Test func dataOptionFallsBackToTheEnvironment() throws {
        let options = try DataOptions.parse([])
        let folder = try options.resolvedFolder(environment: ["DIGITS_DATA": "/env/mnist"],
                                                currentDirectory: URL(fileURLWithPath: "/w"),
                                                home: URL(fileURLWithPath: "/h"))
        #expect(folder.path == "/env/mnist")
    }

    @Test func verifyReportListsFilesAndDigitCounts() throws {
        let report = DatasetVerification(folder: try smallFolder(), requireMNISTCounts: false)
        let text = DataCommand.Verify.render(report)
        #expect(text.contains("train images  train-images-idx3-ubyte  ok, 2"))
        #expect(text.contains("\n    3        1        0\n"))
        #expect(text.contains("\n    9        0        1\n"))
        #expect(text.hasSuffix("total        2        1"))
    }

    @Test func verifyFailsOnAFolderThatIsNotFullMNIST() throws {
        let command = try #require(try Digits.parseAsRoot(["data", "verify", "--data", try smallFolder().path]) as? DataCommand.Verify)
        #expect(throws: ExitCode.failure) { try command.run() }
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["DIGITS_DATA"] != nil, "set DIGITS_DATA to a folder holding MNIST"))
    func verifyAcceptsFullMNIST() throws {
        let command = try #require(try Digits.parseAsRoot(["data", "verify"]) as? DataCommand.Verify)
        try command.run()
    }

    @Test func progressBarRendering() {
        #expect(ProgressBar.render(label: "Get", fraction: 0.5, detail: "1.0 MB / 2.0 MB", width: 10)
            == "Get [#####-----]  50% 1.0 MB / 2.0 MB")
        #expect(ProgressBar.render(label: "Get", fraction: nil, detail: "3 files", width: 10) == "Get 3 files")
        #expect(ProgressBar.render(label: "Get", fraction: 1.7, detail: nil, width: 4) == "Get [####] 100%")
        #expect(ProgressBar.megabytes(12_345_678) == "12.3 MB")
    }
}
