import Foundation
import Testing
@testable import DigitsKit

@Suite struct MNISTLoadTests {
    @Test func loadsTheGzipIDXFixture() throws {
        let split = try MNIST.load(from: DataFixtures.idxFolder)
        #expect(split.train.count == 2 && split.test.count == 1)
        #expect(split.train.labels == [3, 7] && split.test.labels == [9])
        #expect(split.train.image(0)[4 * 28 + 10] == 255)
    }

    @Test func csvLayoutGivesTheSameData() throws {
        #expect(try MNIST.load(from: DataFixtures.csvFolder) == MNIST.load(from: DataFixtures.idxFolder))
    }

    @Test func acceptsPlainAndDottedNames() throws {
        let folder = try DataFixtures.temporaryFolder()
        let source = try DataFixtures.idxFolder
        let renames = [
            ("train-images-idx3-ubyte.gz", "train-images.idx3-ubyte"), ("train-labels-idx1-ubyte.gz", "train-labels.idx1-ubyte.gz"),
            ("t10k-images-idx3-ubyte.gz", "t10k-images-idx3-ubyte"), ("t10k-labels-idx1-ubyte.gz", "t10k-labels-idx1-ubyte.gz"),
        ]
        for (from, to) in renames {
            var bytes = try DataFixtures.bytes(from, in: source)
            // Store some uncompressed, under names with and without `.gz`: content decides.
            if !to.hasSuffix(".gz") { bytes = try Gzip.decompress(bytes) }
            try DataFixtures.write(bytes, as: to, in: folder)
        }
        #expect(try MNIST.load(from: folder) == MNIST.load(from: source))
    }

    @Test func missingFileNamesTheCandidatesAndTheFix() throws {
        let folder = try DataFixtures.copy(of: DataFixtures.idxFolder)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("t10k-labels-idx1-ubyte.gz"))
        #expect {
            try MNIST.load(from: folder)
        } throws: { error in
            guard case let .missingFile(_, tried) = error as? MNISTDataError else { return false }
            return tried.contains("t10k-labels-idx1-ubyte.gz") && "\(error)".contains("digits data download")
        }
    }

    @Test func countMismatchBetweenImagesAndLabels() throws {
        let folder = try DataFixtures.copy(of: DataFixtures.idxFolder)
        try DataFixtures.write(DataFixtures.labelFile([1, 2, 3]), as: "train-labels-idx1-ubyte.gz", in: folder)
        #expect(throws: MNISTDataError.countMismatch(images: "train-images-idx3-ubyte.gz", imageCount: 2,
                                                      labels: "train-labels-idx1-ubyte.gz", labelCount: 3)) {
            try MNIST.load(from: folder)
        }
    }

    @Test func csvRowCountMismatchNamesBothFiles() throws {
        let folder = try DataFixtures.copy(of: DataFixtures.csvFolder)
        try DataFixtures.write(Array("3\n7\n1\n".utf8), as: "train-labels.csv", in: folder)
        let error = MNISTDataError.countMismatch(images: "train-images.csv", imageCount: 2,
                                                 labels: "train-labels.csv", labelCount: 3)
        #expect(throws: error) { try MNIST.load(from: folder) }
        #expect(error.description == "train-images.csv holds 2 images but train-labels.csv holds 3 labels")
    }

    @Test func corruptAndTruncatedGzipNameTheFile() throws {
        let folder = try DataFixtures.copy(of: DataFixtures.idxFolder)
        let good = try DataFixtures.bytes("t10k-images-idx3-ubyte.gz", in: folder)
        try DataFixtures.write(Array(good.dropLast(20)), as: "t10k-images-idx3-ubyte.gz", in: folder)
        #expect(throws: MNISTDataError.gzip(file: "t10k-images-idx3-ubyte.gz", .truncated)) { try MNIST.load(from: folder) }

        var corrupt = good
        for i in 12..<good.count - 8 { corrupt[i] = ~corrupt[i] }
        try DataFixtures.write(corrupt, as: "t10k-images-idx3-ubyte.gz", in: folder)
        #expect {
            try MNIST.load(from: folder)
        } throws: { error in
            guard case let .gzip(file, .corrupt) = error as? MNISTDataError else { return false }
            return file == "t10k-images-idx3-ubyte.gz"
        }
    }

    @Test func emptyFileIsAnError() throws {
        let folder = try DataFixtures.copy(of: DataFixtures.idxFolder)
        try DataFixtures.write([], as: "train-labels-idx1-ubyte.gz", in: folder)
        #expect(throws: MNISTDataError.emptyFile(file: "train-labels-idx1-ubyte.gz")) { try MNIST.load(from: folder) }
    }

    static let fullDataFolder = ProcessInfo.processInfo.environment[DataFolder.environmentKey]

    @Test(.enabled(if: fullDataFolder != nil, "set DIGITS_DATA to a folder holding MNIST"))
    func loadsFullMNIST() throws {
        let folder = URL(fileURLWithPath: try #require(Self.fullDataFolder))
        let split = try MNIST.load(from: folder)
        #expect(split.train.count == 60_000)
        #expect(split.test.count == 10_000)
        #expect(split.train.classCounts() == [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949])

        let report = DatasetVerification(folder: folder)
        #expect(report.isSound, "\(report.files)")
        #expect(report.trainDigitCounts == split.train.classCounts())
        #expect(report.testDigitCounts == split.test.classCounts())
    }

    /// The CSV parser on MNIST's full size: the training set written as CSV reads back unchanged.
    @Test(.enabled(if: fullDataFolder != nil, "set DIGITS_DATA to a folder holding MNIST"))
    func csvOfFullTrainingSetRoundTrips() throws {
        let folder = URL(fileURLWithPath: try #require(Self.fullDataFolder))
        let train = try MNIST.load(from: folder).train
        var text = [UInt8]()
        text.reserveCapacity(train.pixels.count * 4)
        for (index, value) in train.pixels.enumerated() {
            text += Array(String(value).utf8)
            text.append(index % 784 == 783 ? UInt8(ascii: "\n") : UInt8(ascii: ","))
        }
        #expect(try MNISTCSV.images(from: text, file: "train-images.csv") == train.pixels)
    }
}
