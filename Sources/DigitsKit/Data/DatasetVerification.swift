import Foundation

/// A check of the four MNIST files in a folder: magic numbers, 28×28 dimensions, sizes, label
/// range, image and label counts agreeing, and (by default) the 60000/10000 counts of MNIST.
/// Unlike `MNIST.load`, which stops at the first problem, it looks at every file and reports all.
public struct DatasetVerification: Sendable {
    /// What was found for one of the four files.
    public struct FileReport: Sendable, Equatable {
        public let role: MNISTFileRole
        /// The file's name, nil when none of its names exists.
        public let name: String?
        /// How many images or labels it holds, when it could be read.
        public let count: Int?
        /// What is wrong with it, nil when it is sound.
        public let problem: String?

        public var isSound: Bool { problem == nil }
    }

    public let folder: URL
    public let files: [FileReport]
    /// Images per digit, indexed by digit, for each split whose label file is sound.
    public let trainDigitCounts: [Int]?
    public let testDigitCounts: [Int]?

    public var isSound: Bool { files.allSatisfy(\.isSound) }

    /// The number of images in MNIST's training and test sets.
    public static let mnistTrainCount = 60_000
    public static let mnistTestCount = 10_000

    /// Checks the files in `folder`.
    /// - Parameter requireMNISTCounts: also require exactly 60000 training and 10000 test images;
    ///   turn off for subsets and test fixtures.
    public init(folder: URL, requireMNISTCounts: Bool = true) {
        self.folder = folder
        var counts: [MNISTFileRole: Int] = [:]
        var problems: [MNISTFileRole: String] = [:]
        var names: [MNISTFileRole: String] = [:]
        var digitCounts: [MNISTFileRole: [Int]] = [:]

        for role in MNISTFileRole.allCases {
            guard let url = MNIST.file(for: role, in: folder) else {
                problems[role] = "missing (looked for \(role.candidateNames.joined(separator: ", ")))"
                continue
            }
            names[role] = url.lastPathComponent
            do {
                let values = try MNIST.read(role, from: url)
                counts[role] = role.holdsImages ? values.count / Dataset.featureCount : values.count
                if !role.holdsImages {
                    var perDigit = [Int](repeating: 0, count: Dataset.classCount)
                    for label in values { perDigit[Int(label)] += 1 }
                    digitCounts[role] = perDigit
                }
            } catch {
                problems[role] = error.description
            }
        }

        let splits: [(MNISTFileRole, MNISTFileRole, Int)] = [
            (.trainImages, .trainLabels, Self.mnistTrainCount), (.testImages, .testLabels, Self.mnistTestCount),
        ]
        for (imageRole, labelRole, expected) in splits {
            if let images = counts[imageRole], let labels = counts[labelRole], images != labels {
                problems[labelRole] = "holds \(labels) labels for \(images) images in \(names[imageRole] ?? "")"
            }
            guard requireMNISTCounts else { continue }
            for role in [imageRole, labelRole] where problems[role] == nil {
                if let count = counts[role], count != expected {
                    problems[role] = "holds \(count) \(role.holdsImages ? "images" : "labels"), MNIST has \(expected)"
                }
            }
        }

        files = MNISTFileRole.allCases.map {
            FileReport(role: $0, name: names[$0], count: counts[$0], problem: problems[$0])
        }
        trainDigitCounts = problems[.trainLabels] == nil ? digitCounts[.trainLabels] : nil
        testDigitCounts = problems[.testLabels] == nil ? digitCounts[.testLabels] : nil
    }
}
