import ArgumentParser
import Testing
@testable import DigitsCLI

@Suite struct ServeTests {
    @Test func defaultsBindToLoopbackOnPort8080() throws {
        let serve = try #require(try Digits.parseAsRoot(["serve"]) as? Serve)
        #expect(serve.host == "127.0.0.1" && serve.port == 8080 && serve.model == nil && serve.modelsDir == nil)
        let custom = try #require(try Digits.parseAsRoot(
            ["serve", "--model", "m.safetensors", "--models-dir", "models", "--host", "0.0.0.0", "--port", "9000"]) as? Serve)
        #expect(custom.model == "m.safetensors" && custom.modelsDir == "models" && custom.host == "0.0.0.0" && custom.port == 9000)
    }

    @Test func aPortOutOfRangeIsRefused() {
        #expect(throws: (any Error).self) { _ = try Digits.parseAsRoot(["serve", "--port", "70000"]) }
    }
}
