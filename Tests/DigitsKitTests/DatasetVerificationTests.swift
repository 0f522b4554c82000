import Foundation
import Testing
@testable import DigitsKit

@Suite struct DatasetVerificationTests {
    @Test func soundFixtureReportsCountsPerDigit() throws {
        let report = DatasetVerification(folder: try DataFixtures.idxFolder, requireMNISTCounts: false)
        #expect(report.isSound)
        #expect(report.files.map(\.count) == [2, 2, 1, 1])
        #expect(report.trainDigitCounts == [0, 0, 0, 1, 0, 0, 0, 1, 0, 0])
        #expect(report.testDigitCounts == [0, 0, 0, 0, 0, 0, 0, 0, 0, 1])
    }

    @Test func fixtureIsNotFullMNIST() throws {
        let report = DatasetVerification(folder: try DataFixtures.idxFolder)
        #expect(!report.isSound)
        #expect(report.files[0].problem == "holds 2 images, MNIST has 60000")
    }

    @Test func reportsEveryBadFileNotJustTheFirst() throws {
        let folder = try DataFixtures.copy(of: DataFixtures.csvFolder)
        try DataFixtures.write(Array("1\n2\n3\n".utf8), as: "train-labels.csv", in: folder)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("test-images.csv"))
        try DataFixtures.write(Array("11\r\n".utf8), as: "test-labels.csv", in: folder)
        let report = DatasetVerification(folder: folder, requireMNISTCounts: false)
        #expect(!report.isSound)
        #expect(report.files.map(\.isSound) == [true, false, false, false])
        #expect(report.files[1].problem?.contains("3 labels for 2 images") == true)
        #expect(report.files[2].name == nil)
        #expect(report.files[3].problem?.contains("11 is outside 0–9") == true)
        #expect(report.trainDigitCounts == nil && report.testDigitCounts == nil)
    }
}
