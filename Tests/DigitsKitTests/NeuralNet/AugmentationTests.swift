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

    static func image(_ images: [Float], _ n: Int) -> ArraySlice<Float> { images[(n * 784)..<((n + 1) * 784)] }
    static func inkMass(_ images: [Float], _ n: Int) -> Float { image(images, n).reduce(0, +) }

    /// Every distortion at once, at the flagship's strengths.
    static var everything: Augmentation {
        var augmentation = ModelKind.cnnFlagship.networkPreset?.augmentation ?? Augmentation()
        augmentation.thickness = -1...1
        return augmentation
    }

    @Test func everyDistortionIsSeededPerImage() throws {
        let images = try Self.images(6)
        let first = Self.augmented(images, Self.everything, seed: 4)
        #expect(first == Self.augmented(images, Self.everything, seed: 4))
        #expect(first != Self.augmented(images, Self.everything, seed: 5))
        let tail = Self.augmented(Array(images[(2 * 784)...]), Self.everything, seed: 4, firstIndex: 2)
        #expect(tail == Array(first[(2 * 784)...]))
    }

    @Test func zeroStrengthsAreTheIdentityAndDrawNothing() throws {
        let images = try Self.images(4)
        var none = Augmentation()
        none.elasticSigma = 2
        #expect(none.isIdentity)
        #expect(Self.augmented(images, none, seed: 1) == images)
        #expect(try NeuralNetworkTests.parameters(["elastic=0", "thicken=0", "blur=0"]).augmentation == nil)
        // An unused distortion leaves the affine stream alone: older augmented recipes retrain identically.
        var affine = Augmentation(magnitude: 1)
        affine.elasticSigma = 6
        #expect(Self.augmented(images, affine, seed: 2) == Self.augmented(images, Augmentation(magnitude: 1), seed: 2))
    }

    @Test func thickeningAddsInkAndThinningRemovesIt() throws {
        let images = try Self.images(20)
        var thicker = Augmentation(), thinner = Augmentation()
        thicker.thickness = 1...1.5
        thinner.thickness = -0.8 ... -0.5
        let thick = Self.augmented(images, thicker, seed: 1), thin = Self.augmented(images, thinner, seed: 1)
        for n in 0..<20 {
            let before = Self.inkMass(images, n)
            #expect(Self.inkMass(thick, n) > 1.3 * before, "image \(n)")
            #expect(Self.inkMass(thin, n) < 0.8 * before, "image \(n)")
            #expect(Self.inkMass(thin, n) > 0.05 * before, "image \(n) lost its strokes")
        }
    }

    @Test func elasticDistortionMovesStrokesButKeepsTheirInk() throws {
        let images = try Self.images(20)
        var elastic = Augmentation()
        elastic.elasticAlpha = 34
        let warped = Self.augmented(images, elastic, seed: 7)
        for n in 0..<20 {
            let (before, after) = (Self.inkMass(images, n), Self.inkMass(warped, n))
            let moved = zip(Self.image(images, n), Self.image(warped, n)).map { abs($0 - $1) }.reduce(0, +)
            #expect(abs(after - before) <= 0.25 * before, "image \(n): \(before) → \(after)")
            #expect(moved > 0.1 * before, "image \(n) barely moved")
        }
    }

    @Test func blurSpreadsInkWithoutLosingIt() throws {
        // Ink kept 4 pixels from the border, as in MNIST: the blur (σ 1, 3 taps) then has no
        // ink to spill outside the frame, so all of it must stay.
        var images = try Self.images(10)
        for p in images.indices where min(p % 28, (p / 28) % 28, 27 - p % 28, 27 - (p / 28) % 28) < 4 { images[p] = 0 }
        var blur = Augmentation()
        blur.blur = 1...1
        let blurred = Self.augmented(images, blur, seed: 1)
        for n in 0..<10 {
            #expect(abs(Self.inkMass(blurred, n) - Self.inkMass(images, n)) <= 0.02 * Self.inkMass(images, n), "image \(n)")
            #expect(Self.image(blurred, n).max() ?? 0 < Self.image(images, n).max() ?? 0, "image \(n) is as sharp")
        }
    }

    @Test func theGaussianFilterSumsToOne() {
        var image = [Float](repeating: 0, count: 784), scratch = [Float](repeating: 0, count: GaussianFilter.bufferCount)
        image[14 * 28 + 14] = 1
        image.withUnsafeMutableBufferPointer { image in
            scratch.withUnsafeMutableBufferPointer { GaussianFilter(sigma: 2).smooth(image.baseAddress!, scratch: $0.baseAddress!, gain: 3) }
        }
        #expect(abs(image.reduce(0, +) - 3) < 1e-4)
        #expect(image[14 * 28 + 14] == image.max())
        #expect(abs(image[14 * 28 + 12] - image[12 * 28 + 14]) < 1e-6)
    }

    @Test(arguments: TestDistortion.allCases)
    func aDistortedTestSetIsSeededAndKeepsItsLabels(distortion: TestDistortion) throws {
        // The styles need strokes to draw on; blocks are too small to be digits.
        let strokes = StyleAugmentationTests.strokeDigits(8)
        let data = distortion == .style || distortion == .segments
            ? try Dataset(pixels: strokes.images.map { UInt8($0 * 255) }, labels: strokes.labels.map { UInt8($0) })
            : try blockDigits(count: 8, seed: 2)
        let distorted = data.distorted(by: distortion, seed: 1)
        #expect(distorted.labels == data.labels)
        #expect(distorted.pixels != data.pixels)
        #expect(distorted == data.distorted(by: distortion, seed: 1))
        #expect(distorted != data.distorted(by: distortion, seed: 2))
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
