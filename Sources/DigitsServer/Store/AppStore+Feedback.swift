import DigitsKit
import Foundation
import GRDB

/// Feedback samples: stored one transaction each, listed newest first.
extension AppStore {
    struct FeedbackPage: Sendable {
        var total: Int
        var samples: [FeedbackSample]
    }

    /// Stores `sample`; returns it with its id once the transaction has committed.
    func insertFeedback(_ sample: FeedbackSample) async throws(StoreError) -> FeedbackSample {
        try await write { db in
            var sample = sample
            try sample.insert(db)
            return sample
        }
    }

    /// Up to `limit` samples older than the id `before` (all when nil), newest first.
    func feedback(limit: Int, before: Int64?) async throws(StoreError) -> FeedbackPage {
        try await read { db in
            var request = FeedbackSample.order(Column("id").desc).limit(limit)
            if let before { request = request.filter(Column("id") < before) }
            return FeedbackPage(total: try FeedbackSample.fetchCount(db), samples: try request.fetchAll(db))
        }
    }

    func feedbackSample(id: Int64) async throws(StoreError) -> FeedbackSample? {
        try await read { db in try FeedbackSample.fetchOne(db, key: id) }
    }

    /// True when a sample was deleted.
    func deleteFeedback(id: Int64) async throws(StoreError) -> Bool {
        try await write { db in try FeedbackSample.deleteOne(db, key: id) }
    }

    /// Every sample, oldest first, as a data set (for export and training).
    func feedbackDataset() throws(StoreError) -> Dataset {
        let samples = try readNow { db in try FeedbackSample.order(Column("id")).fetchAll(db) }
        return Self.dataset(samples)
    }

    func feedbackDataset() async throws(StoreError) -> Dataset {
        Self.dataset(try await read { db in try FeedbackSample.order(Column("id")).fetchAll(db) })
    }

    /// The schema guarantees 784 pixels and labels 0–9; a row that breaks that (a file edited by
    /// hand) is left out rather than trusted.
    private static func dataset(_ samples: [FeedbackSample]) -> Dataset {
        let valid = samples.filter { $0.pixels.count == Dataset.featureCount && (0...9).contains($0.label) }
        let pixels = valid.flatMap { [UInt8]($0.pixels) }
        let labels = valid.map { UInt8($0.label) }
        return (try? Dataset(pixels: pixels, labels: labels)) ?? .empty
    }
}

extension AppStore {
    /// Writes every feedback sample in the database at `location` into `folder` as
    /// gzip-compressed `train-images-idx3-ubyte.gz` and `train-labels-idx1-ubyte.gz`, each file
    /// atomically; returns how many samples were written.
    public static func exportFeedback(from location: URL, to folder: URL) throws -> Int {
        let data = try AppStore(url: location).feedbackDataset()
        guard data.count > 0 else { throw StoreError.noFeedback(path: location.path) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try data.writeIDX(to: folder, prefix: "train", gzip: true)
        return data.count
    }
}
