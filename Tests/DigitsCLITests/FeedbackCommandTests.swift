import ArgumentParser
import DigitsKit
import DigitsServer
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Synchronization
import Testing
@testable import DigitsCLI

@Suite(.serialized) struct FeedbackCommandTests {
    /// Sample `n`: label n mod 10, and pixel 0 holds n so that each sample is recognisable.
    static func sampleJSON(_ n: Int) -> String {
        let pixels = [n] + (1..<784).map { $0 % 28 == 14 ? 200 : 0 }
        return #"{"input28": \#(pixels), "label": \#(n % 10), "predicted": null, "source": "draw"}"#
    }

    /// Samples acknowledged with 201 by the real server are all in the database after a
    /// SIGKILL that lands while other requests are still in flight, and the export command
    /// writes them as a training set.
    @Test func acknowledgedSamplesSurviveAKill9() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("digits-kill-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("state/digits.sqlite")
        let server = try await ServerProcess.start(["--store", store.path, "--model", try DefaultModel.locate().path])

        let acknowledged = Acknowledged()
        let total = 60, killAfter = 25
        let port = server.port, pid = server.process.processIdentifier
        await withTaskGroup(of: Void.self) { group in
            for n in 1...total {
                group.addTask {
                    guard let (status, _) = try? await ServerProcess.post(port: port, "/api/feedback", json: Self.sampleJSON(n)),
                          status == 201 else { return }
                    let count = acknowledged.ids.withLock { $0.append(n); return $0.count }
                    // The kill lands while the other requests are still being answered.
                    if count == killAfter { _ = kill(pid, SIGKILL) }
                }
            }
        }
        server.kill()
        let survivors = acknowledged.ids.withLock { $0 }
        #expect(survivors.count >= killAfter)

        let out = folder.appendingPathComponent("export")
        let export = try #require(try Digits.parseAsRoot(["feedback", "export", "--store", store.path, "--out", out.path])
            as? FeedbackCommand.Export)
        try await export.run()
        let exported = try MNIST.loadTrainingSet(from: out)
        let stored = Set((0..<exported.count).map { Int(exported.image($0).first ?? 0) })
        #expect(Set(survivors).isSubset(of: stored), "acknowledged but lost: \(Set(survivors).subtracting(stored).sorted())")
        for index in 0..<exported.count {
            #expect(Int(exported.labels[index]) == Int(exported.image(index).first ?? 0) % 10)
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(names == ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"])
    }

    @Test func exportRefusesAMissingOrEmptyStore() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("digits-export-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = try #require(try Digits.parseAsRoot(
            ["feedback", "export", "--store", folder.appendingPathComponent("none.sqlite").path, "--out", folder.path]) as? FeedbackCommand.Export)
        await #expect { try await missing.run() } throws: { "\($0)".contains("no feedback database") }

        let empty = folder.appendingPathComponent("empty.sqlite")
        _ = try AppStore(url: empty)
        let command = try #require(try Digits.parseAsRoot(["feedback", "export", "--store", empty.path, "--out", folder.path])
            as? FeedbackCommand.Export)
        await #expect { try await command.run() } throws: { "\($0)".contains("no feedback samples") }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("train-images-idx3-ubyte.gz").path))
    }

    @Test func extraDataJoinsTheTrainingPartOnly() async throws {
        let folder = try TrainEvaluateTests.dataFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let extra = folder.appendingPathComponent("extra")
        try FileManager.default.createDirectory(at: extra, withIntermediateDirectories: true)
        try TrainEvaluateTests.barDigits(count: 50, seed: 9).writeIDX(to: extra, prefix: "train", gzip: true)
        let model = folder.appendingPathComponent("m.safetensors")
        let train = try #require(try Digits.parseAsRoot(
            ["train", "logreg", "--data", folder.path, "--split", "80/10/10", "--extra-data", extra.path,
             "--extra-data", extra.path, "--out", model.path, "--json"]) as? Train)
        try await train.run()
        let card = try ModelFile.load(from: model).card
        // 80 % of the 400 pooled images, plus the extra set twice; validation and test keep 40 each.
        #expect(card.training?.trainingSamples == 320 + 2 * 50)

        let wrong = try #require(try Digits.parseAsRoot(
            ["train", "logreg", "--data", folder.path, "--extra-data", folder.appendingPathComponent("nowhere").path,
             "--out", model.path, "--json"]) as? Train)
        await #expect { try await wrong.run() } throws: { "\($0)".contains("nowhere") }
    }
}

/// The samples the server acknowledged, appended from concurrent requests.
private final class Acknowledged: Sendable {
    let ids = Mutex<[Int]>([])
}
