import Testing
@testable import DigitsCLI
@testable import DigitsKit

@Suite struct BenchNNTests {
    @Test func benchesEachPresetInEachNamedPrecision() throws {
        let command = try #require(try Digits.parseAsRoot(["bench", "nn", "--models", "cnn-b", "--precision", "float32,bfloat16"]) as? BenchNN)
        #expect(try command.precisions == [.float32, .bfloat16])
        #expect(try #require(try Digits.parseAsRoot(["bench", "nn"]) as? BenchNN).precisions == [.float32])
        #expect(throws: (any Error).self) { try Digits.parseAsRoot(["bench", "nn", "--precision", "float16"]) }
    }

    @Test func timesTheQuickRecipeTo99UnlessTold() throws {
        #expect(try #require(try Digits.parseAsRoot(["bench", "nn"]) as? BenchNN).ttaKind == .cnnQuick)
        let flagship = try #require(try Digits.parseAsRoot(["bench", "nn", "--tta-model", "cnn-flagship"]) as? BenchNN)
        #expect(try flagship.ttaKind == .cnnFlagship)
        #expect(throws: (any Error).self) { try Digits.parseAsRoot(["bench", "nn", "--tta-model", "svc"]) }
    }
}
