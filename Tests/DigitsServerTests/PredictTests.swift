import DigitsKit
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import DigitsServer

@Suite struct PredictAPITests {
    @Test func aPNGBodyIsReadWithTheModelsInput() async throws {
        let fixture = try ServerFixture()
        let png = try ServerFixture.barPNG()
        try await fixture.test { client in
            try await client.execute(uri: "/api/predict?mode=single&input28=1", method: .post,
                                     headers: [.contentType: "image/png"], body: png) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.digitsModel] == "blocks.safetensors")
                let body = try response.decoded(PredictionBody.self)
                let digit = try #require(body.digits.first)
                #expect(body.digits.count == 1)
                #expect(digit.probabilities.count == 10)
                #expect(abs(digit.probabilities.reduce(0, +) - 1) < 1e-4)
                #expect(digit.input28?.count == 784)
                #expect(digit.box[2] > 0 && digit.box[3] > 0)
                // The bar is in the middle of the picture: its box must cover x = 60.
                #expect(digit.box[0] <= 60 && digit.box[0] + digit.box[2] >= 60)
            }
            // Without input28=1 the pixels are left out.
            try await client.execute(uri: "/api/predict", method: .post, body: png) { response in
                let decoded = try response.decoded(PredictionBody.self)
                #expect(decoded.digits.first?.input28 == nil)
            }
        }
    }

    /// What a phone uploads: HEIC, stored turned a quarter with the turn back in the file.
    @Test func aPhonesHEICPhotoIsReadUpright() async throws {
        let fixture = try ServerFixture()
        let heic = try ServerFixture.fixture("phone-photo-two.heic")
        try await fixture.test { client in
            try await client.execute(uri: "/api/predict?mode=single", method: .post,
                                     headers: [.contentType: "image/heic"], body: heic) { response in
                #expect(response.status == .ok)
                let digit = try #require(try response.decoded(PredictionBody.self).digits.first)
                // Where the upright photo has its 2 (262, 350, 104 × 195).
                #expect(abs(digit.box[0] - 262) <= 8 && abs(digit.box[1] - 350) <= 8 && abs(digit.box[3] - 195) <= 8, "\(digit.box)")
            }
        }
    }

    @Test func aMultipartUploadIsRead() async throws {
        let fixture = try ServerFixture()
        var body = ByteBuffer(string: "--XyZ\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"image\"; filename=\"bar.png\"\r\nContent-Type: image/png\r\n\r\n")
        var png = try ServerFixture.barPNG()
        body.writeBuffer(&png)
        body.writeString("\r\n--XyZ--\r\n")
        let form = body
        try await fixture.test { client in
            try await client.execute(uri: "/api/predict?mode=single", method: .post,
                                     headers: [.contentType: "multipart/form-data; boundary=XyZ"], body: form) { response in
                #expect(response.status == .ok)
                let prediction = try response.decoded(PredictionBody.self)
                #expect(prediction.file == "bar.png")
                #expect(prediction.digits.count == 1)
            }
            let truncated = ByteBuffer(string: "--XyZ\r\nContent-Disposition: form-data; name=\"image\"; filename=\"a.png\"\r\n\r\n\u{89}PNG")
            try await client.execute(uri: "/api/predict", method: .post,
                                     headers: [.contentType: "multipart/form-data; boundary=XyZ"], body: truncated) { response in
                #expect(response.status == .badRequest)
                let decoded = try response.decoded(ErrorBody.self)
                #expect(decoded.error == "malformed multipart form")
            }
        }
    }

    @Test func mnistPixelsInJSONAreClassifiedAsTheyAre() async throws {
        let fixture = try ServerFixture()
        let test = try ServerFixture.stripedDigits(count: 20, offset: 3)
        try await fixture.test { client in
            for index in [3, 7, 10] {
                let pixels = test.pixels[index * 784 ..< (index + 1) * 784].map(Int.init)
                let json = try JSONEncoder().encode(["mnist": pixels])
                try await client.execute(uri: "/api/predict?input28=1", method: .post,
                                         headers: [.contentType: "application/json"], body: ByteBuffer(bytes: json)) { response in
                    #expect(response.status == .ok)
                    let digit = try #require(try response.decoded(PredictionBody.self).digits.first)
                    #expect(digit.digit == Int(test.labels[index]))
                    #expect(digit.input28 == pixels)
                }
            }
        }
    }

    @Test func canvasPixelsInJSONGoThroughTheExtractor() async throws {
        let fixture = try ServerFixture()
        // A transparent 100×100 canvas with one opaque black stroke.
        var rgba = [Int](repeating: 0, count: 100 * 100 * 4)
        for y in 20..<80 { for x in 47..<53 { rgba[(y * 100 + x) * 4 + 3] = 255 } }
        let json = try JSONSerialization.data(withJSONObject: ["width": 100, "height": 100, "rgba": rgba])
        try await fixture.test { client in
            try await client.execute(uri: "/api/predict?mode=single", method: .post,
                                     headers: [.contentType: "application/json"], body: ByteBuffer(bytes: json)) { response in
                #expect(response.status == .ok)
                let digit = try #require(try response.decoded(PredictionBody.self).digits.first)
                #expect(digit.box[0] <= 47 && digit.box[0] + digit.box[2] >= 53)
            }
        }
    }

    @Test(arguments: [
        ("not-an-image.png", "image/png", HTTPResponse.Status.unsupportedMediaType),
        ("truncated.png", "image/png", .unprocessableContent),
        ("truncated.jpg", "image/jpeg", .unprocessableContent),
        ("corrupt.png", "image/png", .unprocessableContent),
        ("giant.png", "image/png", .unprocessableContent),
        ("truncated.heic", "image/heic", .unprocessableContent),
        ("giant.heic", "image/heic", .unprocessableContent),
        ("empty.png", "image/png", .badRequest),
    ])
    func badImagesAreJSONClientErrors(file: String, contentType: String, status: HTTPResponse.Status) async throws {
        let fixture = try ServerFixture()
        let body = try ServerFixture.fixture(file)
        try await fixture.test { client in
            try await client.execute(uri: "/api/predict", method: .post,
                                     headers: [.contentType: contentType], body: body) { response in
                #expect(response.status == status)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                let error = try response.decoded(ErrorBody.self)
                #expect(!error.error.isEmpty && !error.detail.isEmpty)
            }
        }
    }

    @Test(arguments: [
        ("", HTTPResponse.Status.badRequest, "empty body"),
        ("{\"mnist\": [1, 2", .badRequest, "malformed JSON"),
        ("{\"mnist\": \"seven\"}", .badRequest, "unexpected JSON"),
        ("{\"mnist\": [1, 2, 3]}", .unprocessableContent, "invalid pixels"),
        ("{\"width\": 2, \"height\": 1, \"grey\": [0, 300]}", .unprocessableContent, "invalid pixels"),
        ("{\"width\": 100000, \"height\": 100000, \"grey\": []}", .unprocessableContent, "image too large"),
        ("{\"width\": 2, \"height\": 2}", .unprocessableContent, "invalid pixels"),
    ])
    func badJSONIsAClientError(json: String, status: HTTPResponse.Status, error: String) async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            try await client.execute(uri: "/api/predict", method: .post,
                                     headers: [.contentType: "application/json"], body: ByteBuffer(string: json)) { response in
                #expect(response.status == status)
                let decoded = try response.decoded(ErrorBody.self)
                #expect(decoded.error == error)
            }
        }
    }

    @Test func bodiesOverTheLimitAre413AndBadModesAre400() async throws {
        let fixture = try ServerFixture()
        let huge = ByteBuffer(repeating: 0x89, count: DigitsContext.uploadLimit + 1)
        try await fixture.test { client in
            try await client.execute(uri: "/api/predict", method: .post, headers: [.contentType: "image/png"], body: huge) { response in
                #expect(response.status == .contentTooLarge)
                let decoded = try response.decoded(ErrorBody.self)
                #expect(decoded.error == "body too large")
            }
            try await client.execute(uri: "/api/predict?mode=all", method: .post, body: try ServerFixture.barPNG()) { response in
                #expect(response.status == .badRequest)
                let decoded = try response.decoded(ErrorBody.self)
                #expect(decoded.error == "invalid mode")
            }
            try await client.execute(uri: "/api/nothing", method: .get) { response in
                #expect(response.status == .notFound)
                _ = try response.decoded(ErrorBody.self)
            }
        }
    }

    @Test func concurrentPredictionsGiveTheSameAnswersAsSequentialOnes() async throws {
        let fixture = try ServerFixture()
        let test = try ServerFixture.stripedDigits(count: 30, offset: 4)
        let bodies = try (0..<30).map { index in
            ByteBuffer(bytes: try JSONEncoder().encode(["mnist": test.pixels[index * 784 ..< (index + 1) * 784].map(Int.init)]))
        }
        try await fixture.test { client in
            @Sendable func predict(_ index: Int) async throws -> [Float] {
                try await client.execute(uri: "/api/predict", method: .post,
                                         headers: [.contentType: "application/json"], body: bodies[index]) { response in
                    try #require(try response.decoded(PredictionBody.self).digits.first).probabilities
                }
            }
            var sequential: [[Float]] = []
            for index in bodies.indices { sequential.append(try await predict(index)) }
            let concurrent = try await withThrowingTaskGroup(of: (Int, [Float]).self) { group in
                for round in 0..<3 {
                    for index in bodies.indices {
                        let which = (index + round) % bodies.count
                        group.addTask { (which, try await predict(which)) }
                    }
                }
                var answers: [(Int, [Float])] = []
                for try await answer in group { answers.append(answer) }
                return answers
            }
            #expect(concurrent.count == 90)
            for (index, probabilities) in concurrent { #expect(probabilities == sequential[index]) }
            for index in bodies.indices {
                let best = sequential[index].indices.max { sequential[index][$0] < sequential[index][$1] }
                #expect(best == Int(test.labels[index]))
            }
        }
    }
}
