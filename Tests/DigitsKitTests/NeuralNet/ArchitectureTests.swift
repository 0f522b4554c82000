import Testing
@testable import DigitsKit

@Suite struct ArchitectureTests {
    @Test func parsesTheDocumentedGrammarAndPrintsItBack() throws {
        let text = "conv32k3s2p1,bn,relu,conv16k5sametanh,pool2,avgpool3s1,drop0.25,flatten,dense100sigmoid,dense64,dense10"
        let architecture = try Architecture(parsing: text)
        #expect(architecture.layers[0] == .conv(filters: 32, kernel: 3, stride: 2, padding: .explicit(1), activation: .relu))
        #expect(architecture.layers[3] == .conv(filters: 16, kernel: 5, stride: 1, padding: .same, activation: .tanh))
        #expect(architecture.layers[5] == .averagePool(size: 3, stride: 1))
        #expect(architecture.layers[6] == .dropout(rate: 0.25))
        #expect(architecture.layers.last == .dense(units: 10, activation: .linear))
        #expect(try Architecture(parsing: architecture.description) == architecture)
        let json = try Architecture(parsing: #"["conv8k3", "pool2", "dense10"]"#)
        #expect(json == (try Architecture(parsing: "conv8k3,pool2,dense10")))
    }

    @Test func infersShapes() throws {
        let shapes = try Architecture(parsing: "conv32k3,pool2,conv64k3,conv64k3,pool2,dense100,dense10").shapes()
        #expect(shapes.map(\.description) == ["28×28×1", "26×26×32", "13×13×32", "11×11×64", "9×9×64", "4×4×64", "100", "10"])
        #expect(try Architecture(parsing: "conv8k3s2same,dense10").shapes()[1].description == "14×14×8")
    }

    @Test(arguments: [
        ("pool2,pool2,pool2,pool2,pool2,dense10", "layer 5 'pool2': input is 1×1, cannot pool by 2"),
        ("conv32k3,pool2,convx,dense10", "layer 3 'convx': not a layer"),
        ("conv32k3,dense100", "the last layer must be 'dense10'"),
        ("dense100,conv8k3,dense10", "layer 2 'conv8k3': input is flat"),
        ("conv8k29,dense10", "layer 1 'conv8k29': input is 28×28, smaller than the 29×29 kernel"),
        ("drop1.5,dense10", "layer 1 'drop1.5': the dropout rate must be in [0, 1)"),
        ("", "the architecture is empty"),
    ])
    func rejectsBadArchitecturesNamingTheLayer(text: String, message: String) {
        do {
            _ = try Architecture(parsing: text)
            Issue.record("'\(text)' was accepted")
        } catch {
            #expect(error.description.hasPrefix(message), "\(error.description)")
        }
    }

    @Test(arguments: [
        (ModelKind.cnn32f, 54_410), (.cnn3216f, 27_994), (.cnn3216x3f, 25_594),
        (.mlp6416, 51_450), (.mlp6432, 52_650), (.cnnB, 159_254), (.cnnA, 542_230),
    ])
    func presetsHaveTheReportsParameterCounts(kind: ModelKind, count: Int) throws {
        let architecture = try #require(kind.networkPreset).architecture()
        #expect(try architecture.parameterCount() == count)
        #expect(try Network(architecture).store.count == count)
    }

    @Test func aBadArchitectureIsRefusedBeforeTraining() {
        #expect(throws: ArchitectureError.self) { try ModelKind.cnn.makePipeline(parameters: ["arch=conv8k3,pool27,dense10"]) }
    }
}
