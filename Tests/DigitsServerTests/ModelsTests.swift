import DigitsKit
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import DigitsServer

@Suite struct ModelsAPITests {
    struct ModelList: Decodable {
        struct Entry: Decodable {
            var name: String
            var kind: String?
            var test_accuracy: Double?
            var bytes: Int?
            var error: String?
        }

        var `default`: String
        var active: String
        var models: [Entry]
    }

    /// The fixture's folder with a second model and a damaged file beside the first.
    static func folderWithThreeFiles() throws -> ServerFixture {
        let fixture = try ServerFixture()
        let first = fixture.folder.appendingPathComponent("blocks.safetensors")
        try FileManager.default.copyItem(at: first, to: fixture.folder.appendingPathComponent("other.safetensors"))
        try Data("not a model".utf8).write(to: fixture.folder.appendingPathComponent("broken.safetensors"))
        try Data("notes".utf8).write(to: fixture.folder.appendingPathComponent("README.txt"))
        return fixture
    }

    @Test func listsEveryModelWithItsCard() async throws {
        let fixture = try Self.folderWithThreeFiles()
        let size = try FileManager.default.attributesOfItem(atPath: try #require(fixture.model))[.size] as? Int
        try await fixture.test { client in
            try await client.execute(uri: "/api/models", method: .get) { response in
                #expect(response.status == .ok)
                let list = try response.decoded(ModelList.self)
                #expect(list.default == "blocks.safetensors" && list.active == "blocks.safetensors")
                #expect(list.models.map(\.name) == ["blocks.safetensors", "broken.safetensors", "other.safetensors"])
                let blocks = list.models[0]
                #expect(blocks.kind == "logreg" && blocks.test_accuracy == 1 && blocks.bytes == size && blocks.error == nil)
                #expect(list.models[1].kind == nil && list.models[1].error != nil)
            }
        }
    }

    @Test func aSessionChoosesItsModelByCookie() async throws {
        let fixture = try Self.folderWithThreeFiles()
        try await fixture.test { client in
            let cookie = try await client.execute(uri: "/api/session/model", method: .post,
                                                  headers: [.contentType: "application/json"],
                                                  body: ByteBuffer(string: #"{"name": "other.safetensors"}"#)) { response in
                #expect(response.status == .ok)
                return try #require(response.headers[.setCookie])
            }
            #expect(cookie.hasPrefix("digits_model=other.safetensors"))
            let session: HTTPFields = [.cookie: "digits_model=other.safetensors"]
            try await client.execute(uri: "/api/models", method: .get, headers: session) { response in
                let decoded = try response.decoded(ModelList.self)
                #expect(decoded.active == "other.safetensors")
            }
            try await client.execute(uri: "/api/predict", method: .post, headers: session, body: try ServerFixture.barPNG()) { response in
                #expect(response.headers[.digitsModel] == "other.safetensors")
            }
            // Another session, without the cookie, still has the default.
            try await client.execute(uri: "/api/predict", method: .post, body: try ServerFixture.barPNG()) { response in
                #expect(response.headers[.digitsModel] == "blocks.safetensors")
            }
            // A damaged model is a JSON error naming the problem, not a crash.
            try await client.execute(uri: "/api/predict", method: .post, headers: [.cookie: "digits_model=broken.safetensors"],
                                     body: try ServerFixture.barPNG()) { response in
                #expect(response.status == .internalServerError)
                let decoded = try response.decoded(ErrorBody.self)
                #expect(decoded.error == "model unavailable")
            }
        }
    }

    @Test(arguments: [
        (#"{"name": "../x"}"#, HTTPResponse.Status.badRequest, "invalid model name"),
        (#"{"name": "../blocks.safetensors"}"#, .badRequest, "invalid model name"),
        (#"{"name": "/etc/passwd"}"#, .badRequest, "invalid model name"),
        (#"{"name": ".hidden.safetensors"}"#, .badRequest, "invalid model name"),
        (#"{"name": "README.txt"}"#, .badRequest, "invalid model name"),
        (#"{"name": "absent.safetensors"}"#, .notFound, "unknown model"),
        (#"{"model": "blocks.safetensors"}"#, .badRequest, "unexpected JSON"),
        (#"{"name": "#, .badRequest, "malformed JSON"),
    ])
    func badChoicesAreRefused(json: String, status: HTTPResponse.Status, error: String) async throws {
        let fixture = try Self.folderWithThreeFiles()
        try await fixture.test { client in
            try await client.execute(uri: "/api/session/model", method: .post,
                                     headers: [.contentType: "application/json"], body: ByteBuffer(string: json)) { response in
                #expect(response.status == status)
                #expect(response.headers[.setCookie] == nil)
                let decoded = try response.decoded(ErrorBody.self)
                #expect(decoded.error == error)
            }
        }
    }

    @Test func aForgedCookieFallsBackToTheDefault() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            try await client.execute(uri: "/api/models", method: .get, headers: [.cookie: "digits_model=../../etc/passwd"]) { response in
                let decoded = try response.decoded(ModelList.self)
                #expect(decoded.active == "blocks.safetensors")
            }
        }
    }

    @Test func everyPageIsServedWithTheNavigationMarkingItself() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            for page in Page.allCases {
                try await client.execute(uri: page.path, method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
                    let html = String(buffer: response.body)
                    #expect(html.contains("<a href=\"\(page.path)\" aria-current=\"page\">\(page.title)</a>"))
                    #expect(html.components(separatedBy: "aria-current=").count == 2, "one page is current")
                    #expect(!html.contains("{{"), "every placeholder filled")
                    #expect(html.contains("<script src=\"/\(page.rawValue).js\""))
                }
                try await client.execute(uri: "/\(page.rawValue).js", method: .get) { response in
                    #expect(response.status == .ok)
                }
            }
            try await client.execute(uri: "/", method: .get) { response in
                #expect(String(buffer: response.body).contains("<canvas id=\"pad\""))
            }
            for file in ["/app.js", "/style.css"] {
                try await client.execute(uri: file, method: .get) { response in
                    #expect(response.status == .ok)
                }
            }
            try await client.execute(uri: "/nowhere", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func startingWithoutAModelIsAClearError() throws {
        struct Missing: ServeArguments {
            var model: String? = "/nonexistent/model.safetensors"
            var modelsDir: String? = nil
            var host = "127.0.0.1"
            var port = 0
        }
        #expect(throws: ServeError.self) { _ = try buildApplication(Missing()) }
    }
}
