import Testing
@testable import DigitsKit

@Suite struct AugmentationTests {
    static func images(_ count: Int) throws -> [Float] {
        try NeuralNetworkTests.data(count, seed: 5).0.storage
    }

    static func augmented(_ images: [Float], _ augmentation: Augmentation, seed: UInt64, firstIndex: Int = 0) -> [Float] {
        var copy = images
        copy.withUnsafeMutableBufferPointer {
            augmentation.apply($0.baseAddress!, count: images.count / 784, firstIndex: firstIndex, seed: seed)
        }
        return copy
    }

    @Test func theSameSeedGivesTheSameImagesAndAnotherSeedOthers() throws {
        let images = try Self.images(6)
        let augmentation = Augmentation(magnitude: 1)
        let first = Self.augmented(images, augmentation, seed: 9)
        #expect(first == Self.augmented(images, augmentation, seed: 9))
        #expect(first != Self.augmented(images, augmentation, seed: 10))
        #expect(first != images)
        // An image's distortion depends on its index in the batch, not on which call made it.
        let tail = Self.augmented(Array(images[(3 * 784)...]), augmentation, seed: 9, firstIndex: 3)
        #expect(tail == Array(first[(3 * 784)...]))
    }

    @Test func zeroMagnitudeIsTheIdentity() throws {
        let images = try Self.images(4)
        #expect(Self.augmented(images, Augmentation(magnitude: 0), seed: 1) == images)
    }

    @Test func anAffineDistortionKeepsTheInkMassRoughly() throws {
        let images = try Self.images(20)
        var affine = Augmentation(magnitude: 1)
        affine.noise = 0
        let distorted = Self.augmented(images, affine, seed: 3)
        for n in 0..<20 {
            let before = images[(n * 784)..<((n + 1) * 784)].reduce(0, +)
            let after = distorted[(n * 784)..<((n + 1) * 784)].reduce(0, +)
            // Scaling by up to ±10 % changes the area by up to about ±21 %.
            #expect(abs(after - before) <= 0.3 * before, "image \(n): \(before) → \(after)")
        }
    }

    @Test func augmentedTrainingIsSeededAndStillLearns() throws {
        let (x, labels) = try NeuralNetworkTests.data(300, seed: 1)
        let parameters = try NeuralNetworkTests.parameters(["augment=0.5", "arch=conv4k3s2,pool2,dense16,dense10"])
        var a = NeuralNetwork(parameters: parameters), b = NeuralNetwork(parameters: parameters)
        _ = try a.fit(x, labels: labels, options: FitOptions(seed: 2))
        _ = try b.fit(x, labels: labels, options: FitOptions(seed: 2))
        #expect(try a.probabilities(x) == b.probabilities(x))
        #expect(a.history.last!.loss < a.history.first!.loss)
    }
}
