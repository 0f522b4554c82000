import DigitsKit
import Foundation
import Testing
@testable import DigitsServer

@Suite struct AppStoreTests {
    static func temporaryFile() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("digits-store-\(UUID().uuidString)/nested/digits.sqlite")
    }

    static func sample(label: Int) -> FeedbackSample {
        FeedbackSample(id: nil, created: Date(), pixels: Data(repeating: UInt8(label * 20), count: 784), label: label,
                       predicted: nil, model: "m.safetensors", source: .upload, original: Data([1, 2, 3]))
    }

    @Test func samplesSurviveReopeningTheFile() async throws {
        let url = Self.temporaryFile()
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent().deletingLastPathComponent()) }
        let first = try AppStore(url: url)
        let stored = try await first.insertFeedback(Self.sample(label: 6))
        #expect(stored.id == 1)
        let reopened = try AppStore(url: url)
        let page = try await reopened.feedback(limit: 10, before: nil)
        #expect(page.total == 1 && page.samples.first?.label == 6 && page.samples.first?.original == Data([1, 2, 3]))
        #expect(try await reopened.feedbackDataset().labels == [6])
        let journal = try await reopened.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(journal == "wal")
    }

    @Test func theSchemaRefusesRowsTheAPIWouldNot() async throws {
        let store = try AppStore()
        var bad = Self.sample(label: 3)
        bad.pixels = Data(count: 783)
        await #expect(throws: StoreError.self) { _ = try await store.insertFeedback(bad) }
        bad = Self.sample(label: 3)
        bad.label = 11
        await #expect(throws: StoreError.self) { _ = try await store.insertFeedback(bad) }
        #expect(try await store.feedback(limit: 5, before: nil).total == 0)
    }

    @Test func aFileThatIsNotADatabaseIsAClearError() throws {
        let url = Self.temporaryFile()
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("not sqlite, just text that is long enough to look like a header of a file".utf8).write(to: url)
        #expect { try AppStore(url: url) } throws: { error in
            "\(error)".contains(url.path) && "\(error)".contains("--store")
        }
    }

    @Test func theDefaultLocationFollowsXDG() {
        let home = URL(fileURLWithPath: "/home/ada")
        #expect(AppStore.defaultLocation(environment: ["XDG_DATA_HOME": "/data"], home: home).path == "/data/digits/digits.sqlite")
        #expect(AppStore.defaultLocation(environment: [:], home: home).path == "/home/ada/.local/share/digits/digits.sqlite")
        // A relative XDG_DATA_HOME is invalid by the specification and ignored.
        #expect(AppStore.defaultLocation(environment: ["XDG_DATA_HOME": "rel"], home: home).path == "/home/ada/.local/share/digits/digits.sqlite")
    }

    @Test func theModelRegistryKeepsTheFirstSeenDate() async throws {
        let store = try AppStore()
        let early = Date(timeIntervalSince1970: 1_000_000)
        try await store.saveModelRecord(ModelRecord(name: "a.safetensors", firstSeen: early, bytes: 10, modified: 5, latencyMs: 1.5, measuredAt: early))
        try await store.saveModelRecord(ModelRecord(name: "a.safetensors", firstSeen: Date(), bytes: 11, modified: 6, latencyMs: 2.5, measuredAt: Date()))
        let record = try #require(try await store.modelRecord(name: "a.safetensors"))
        #expect(record.firstSeen == early && record.latencyMs == 2.5 && record.describes(ModelFileStamp(bytes: 11, modified: 6)))
    }
}
