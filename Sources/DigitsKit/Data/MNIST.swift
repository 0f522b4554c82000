import Foundation

/// The MNIST training and test sets, as read from one folder.
public struct MNISTSplit: Sendable, Equatable {
    public let train: Dataset
    public let test: Dataset
}

/// The four files of MNIST and the names each may have on disk.
public enum MNISTFileRole: String, CaseIterable, Sendable {
    case trainImages, trainLabels, testImages, testLabels

    public var holdsImages: Bool { self == .trainImages || self == .testImages }

    /// The accepted names, in the order they are looked for: the original IDX name, the dotted
    /// variant some mirrors use, then the CSV layout; each also gzip-compressed (`.gz`).
    public var candidateNames: [String] {
        let dotted = idxName.replacingOccurrences(of: "-idx", with: ".idx")
        return [idxName, dotted, csvName].flatMap { [$0, $0 + ".gz"] }
    }

    /// The name of this file in the original distribution, as downloaded.
    public var downloadName: String { idxName + ".gz" }

    private var idxName: String {
        switch self {
        case .trainImages: "train-images-idx3-ubyte"
        case .trainLabels: "train-labels-idx1-ubyte"
        case .testImages: "t10k-images-idx3-ubyte"
        case .testLabels: "t10k-labels-idx1-ubyte"
        }
    }

    private var csvName: String {
        switch self {
        case .trainImages: "train-images.csv"
        case .trainLabels: "train-labels.csv"
        case .testImages: "test-images.csv"
        case .testLabels: "test-labels.csv"
        }
    }
}

/// Reads MNIST from a folder.
///
/// A folder may hold the IDX files under their original names (`train-images-idx3-ubyte`,
/// `train-labels-idx1-ubyte`, `t10k-images-idx3-ubyte`, `t10k-labels-idx1-ubyte`) or the dotted
/// variant (`train-images.idx3-ubyte`), or the CSV layout (see `MNISTCSV`) under the names
/// `train-images.csv`, `train-labels.csv`, `test-images.csv` and `test-labels.csv`. Any of them
/// may be gzip-compressed and carry a `.gz` suffix; compression is recognised by content.
public enum MNIST {
    /// The most bytes one file may hold, compressed or not; the largest MNIST file, the training
    /// images as CSV, is about 110 MB.
    public static let maximumFileSize = 256 << 20

    /// The training and test sets in `folder`.
    public static func load(from folder: URL) throws(MNISTDataError) -> MNISTSplit {
        let files = try locate(in: folder)
        return MNISTSplit(train: try dataset(.trainImages, .trainLabels, in: files),
                          test: try dataset(.testImages, .testLabels, in: files))
    }

    /// The file playing each role in `folder`: the first candidate name that exists.
    public static func locate(in folder: URL) throws(MNISTDataError) -> MNISTFiles {
        func find(_ role: MNISTFileRole) throws(MNISTDataError) -> URL {
            guard let url = file(for: role, in: folder) else {
                throw .missingFile(folder: folder.path, tried: role.candidateNames)
            }
            return url
        }
        return MNISTFiles(trainImages: try find(.trainImages), trainLabels: try find(.trainLabels),
                          testImages: try find(.testImages), testLabels: try find(.testLabels))
    }

    /// The file for `role` in `folder`, if one of its names exists.
    public static func file(for role: MNISTFileRole, in folder: URL) -> URL? {
        role.candidateNames
            .map { folder.appendingPathComponent($0) }
            .first { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// True when `folder` has a file for each of the four roles (their content is not read).
    public static func hasFiles(in folder: URL) -> Bool {
        MNISTFileRole.allCases.allSatisfy { file(for: $0, in: folder) != nil }
    }

    /// The pixels or labels in `url`, decompressed when gzip and parsed by the file's format.
    public static func read(_ role: MNISTFileRole, from url: URL) throws(MNISTDataError) -> [UInt8] {
        let name = url.lastPathComponent
        let bytes = try contents(of: url)
        let isCSV = name.hasSuffix(".csv") || name.hasSuffix(".csv.gz")
        switch (isCSV, role.holdsImages) {
        case (true, true): return try MNISTCSV.images(from: bytes, file: name)
        case (true, false): return try MNISTCSV.labels(from: bytes, file: name)
        case (false, true): return try IDX.images(from: bytes, file: name)
        case (false, false): return try IDX.labels(from: bytes, file: name)
        }
    }

    /// The bytes of `url`, gunzipped when they start with the gzip magic.
    public static func contents(of url: URL) throws(MNISTDataError) -> [UInt8] {
        let name = url.lastPathComponent
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw .missingFile(folder: url.deletingLastPathComponent().path, tried: [name])
        }
        let raw: [UInt8]
        do {
            let size = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int ?? 0
            guard size <= maximumFileSize else { throw MNISTDataError.tooLarge(file: name, limit: maximumFileSize) }
            raw = [UInt8](try Data(contentsOf: url))
        } catch let error as MNISTDataError {
            throw error
        } catch {
            throw .unreadable(file: name, reason: error.localizedDescription)
        }
        guard !raw.isEmpty else { throw .emptyFile(file: name) }
        guard Gzip.isCompressed(raw) else { return raw }
        do {
            return try Gzip.decompress(raw, limit: maximumFileSize)
        } catch {
            throw .gzip(file: name, error)
        }
    }

    /// The training pair alone (`train-images-idx3-ubyte[.gz]`, `train-labels-idx1-ubyte[.gz]`, or
    /// any name `MNISTFileRole` accepts) in `folder`: an extra set such as `digits feedback
    /// export` writes, added to training with `digits train --extra-data`.
    public static func loadTrainingSet(from folder: URL) throws(MNISTDataError) -> Dataset {
        guard let images = file(for: .trainImages, in: folder) else {
            throw .missingFile(folder: folder.path, tried: MNISTFileRole.trainImages.candidateNames)
        }
        guard let labels = file(for: .trainLabels, in: folder) else {
            throw .missingFile(folder: folder.path, tried: MNISTFileRole.trainLabels.candidateNames)
        }
        return try dataset(.trainImages, images, .trainLabels, labels)
    }

    private static func dataset(_ imageRole: MNISTFileRole, _ labelRole: MNISTFileRole,
                                in files: MNISTFiles) throws(MNISTDataError) -> Dataset {
        try dataset(imageRole, files[imageRole], labelRole, files[labelRole])
    }

    private static func dataset(_ imageRole: MNISTFileRole, _ images: URL,
                                _ labelRole: MNISTFileRole, _ labels: URL) throws(MNISTDataError) -> Dataset {
        let pixels = try read(imageRole, from: images)
        let labelBytes = try read(labelRole, from: labels)
        let imageCount = pixels.count / Dataset.featureCount
        guard imageCount == labelBytes.count else {
            throw .countMismatch(images: images.lastPathComponent, imageCount: imageCount,
                                 labels: labels.lastPathComponent, labelCount: labelBytes.count)
        }
        do {
            return try Dataset(pixels: pixels, labels: labelBytes)
        } catch {
            // Both files were checked above; a failure here is a bug, still reported, never a crash.
            throw .unreadable(file: images.lastPathComponent, reason: error.description)
        }
    }
}

/// Where each of the four MNIST files lies.
public struct MNISTFiles: Sendable, Equatable {
    public let trainImages: URL
    public let trainLabels: URL
    public let testImages: URL
    public let testLabels: URL

    public subscript(role: MNISTFileRole) -> URL {
        switch role {
        case .trainImages: trainImages
        case .trainLabels: trainLabels
        case .testImages: testImages
        case .testLabels: testLabels
        }
    }
}
