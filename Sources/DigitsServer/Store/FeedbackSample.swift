import DigitsKit
import Foundation
import GRDB

/// One corrected drawing: what the model saw (28×28, MNIST-style) and the digit the user says
/// it was.
struct FeedbackSample: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "feedback"
    /// Originals (a photo the sample was cut from) are kept only up to this size.
    static let originalLimit = 2 * 1024 * 1024

    var id: Int64?
    var created: Date
    var pixels: Data
    var label: Int
    var predicted: Int?
    var model: String?
    var source: Source
    var original: Data?

    enum Source: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
        case draw, upload, camera
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// A sample as the API returns it: everything but the pixel blobs, which are fetched as PNG.
struct FeedbackSampleJSON: Codable, Sendable {
    var id: Int64
    var created: String
    var label: Int
    var predicted: Int?
    var model: String?
    var source: String
    var image: String
    var hasOriginal: Bool

    enum CodingKeys: String, CodingKey {
        case id, created, label, predicted, model, source, image, hasOriginal = "has_original"
    }

    init(_ sample: FeedbackSample, id: Int64) {
        self.id = id
        created = sample.created.formatted(.iso8601)
        label = sample.label
        predicted = sample.predicted
        model = sample.model
        source = sample.source.rawValue
        image = "/api/feedback/\(id).png"
        hasOriginal = sample.original != nil
    }
}
