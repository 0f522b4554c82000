import Foundation
import Testing
@testable import DigitsServer

@Suite struct StoredJobHistoryTests {
    @Test func jobsSurviveARestartAndUnfinishedOnesAreMarkedCancelled() throws {
        let url = AppStoreTests.temporaryFile()
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent().deletingLastPathComponent()) }
        let history = try StoredJobHistory(store: AppStore(url: url))
        var finished = JobRecord(id: "a", request: JobRequest(kind: "logreg"), created: Date(timeIntervalSince1970: 100))
        finished.state = .succeeded
        finished.finished = Date(timeIntervalSince1970: 130)
        try history.save(finished)
        var running = JobRecord(id: "b", request: JobRequest(kind: "cnn-b", epochs: 3), created: Date(timeIntervalSince1970: 200))
        running.state = .running
        try history.save(running)
        running.epochs = []
        try history.save(running)  // saving again replaces the row
        #expect(try history.recent(limit: 10).map(\.id) == ["b", "a"])
        #expect(try history.recent(limit: 1).map(\.id) == ["b"])

        // The server is killed while "b" runs; the next one opens the same file.
        let reopened = try StoredJobHistory(store: AppStore(url: url))
        #expect(try reopened.find(id: "a") == finished)
        let interrupted = try #require(try reopened.find(id: "b"))
        #expect(interrupted.state == .cancelled)
        #expect(interrupted.message?.contains("server stopped") == true)
        #expect(interrupted.request == running.request)
        #expect(try reopened.find(id: "nope") == nil)
    }
}
