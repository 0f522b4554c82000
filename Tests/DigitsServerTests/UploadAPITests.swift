import DigitsKit
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import DigitsServer

/// What the Upload page asks besides predictions: the processing strip and the labels file.
@Suite struct UploadAPITests {
    struct Steps: Decodable {
        var text: String?
        var steps: String?
    }

    @Test func debugAddsTheProcessingStripAsAPNG() async throws {
        let png = try ServerFixture.barPNG()
        try await ServerFixture().test { client in
            try await client.execute(uri: "/api/predict?debug=1", method: .post, headers: [.contentType: "image/png"],
                                     body: png) { response in
                #expect(response.status == .ok)
                let steps = try #require(try response.decoded(Steps.self).steps)
                #expect(steps.hasPrefix("data:image/png;base64,"))
                let bytes = try #require(Data(base64Encoded: String(steps.dropFirst("data:image/png;base64,".count))))
                let strip = try ImageDecoder().decode([UInt8](bytes))
                // The strip shows the 120×120 original and the steps after it, side by side.
                #expect(strip.width > strip.height && strip.height > 0)
            }
            try await client.execute(uri: "/api/predict", method: .post, headers: [.contentType: "image/png"], body: png) { response in
                let steps = try response.decoded(Steps.self).steps
                #expect(steps == nil)
            }
        }
    }

    struct Labels: Decodable {
        var labels: [String: String]
    }

    @Test func aLabelsFileIsReadAsPredictReadsIt() async throws {
        try await ServerFixture().test { client in
            try await client.execute(uri: "/api/labels", method: .post, body: ByteBuffer(string: "file,value\r\na.png,7\n\"b.jpg\", 4071\n")) { response in
                #expect(response.status == .ok)
                let labels = try response.decoded(Labels.self).labels
                #expect(labels == ["a.png": "7", "b.jpg": "4071"])
            }
            for (body, mentioned) in [("", "no labels"), ("a.png,7\na.png,8", "listed twice"), ("a.png,7,x", "2 fields"),
                                      ("a.png,seven\nb.png,x", "not a digit string")] {
                try await client.execute(uri: "/api/labels?name=mine.csv", method: .post, body: ByteBuffer(string: body)) { response in
                    #expect(response.status == .badRequest, "\(body)")
                    let error = try response.decoded(ErrorBody.self)
                    #expect(error.detail.contains(mentioned) && error.detail.contains("mine.csv"), "\(error.detail)")
                }
            }
            let huge = ByteBuffer(repeating: UInt8(ascii: "1"), count: LabelsController.limit + 1)
            try await client.execute(uri: "/api/labels", method: .post, body: huge) { response in
                #expect(response.status == .contentTooLarge)
            }
        }
    }
}
