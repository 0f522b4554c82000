import Foundation

extension IDX {
    /// An IDX image file (magic 0x803, count × 28 × 28) holding `pixels`.
    public static func encodeImages(_ pixels: [UInt8]) -> [UInt8] {
        let count = pixels.count / Dataset.featureCount
        return bigEndianWords([imageMagic, UInt32(count), UInt32(Dataset.imageSide), UInt32(Dataset.imageSide)]) + pixels
    }

    /// An IDX label file (magic 0x801, count).
    public static func encodeLabels(_ labels: [UInt8]) -> [UInt8] {
        bigEndianWords([labelMagic, UInt32(labels.count)]) + labels
    }

    private static func bigEndianWords(_ words: [UInt32]) -> [UInt8] {
        words.flatMap { word in [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: word >> $0) } }
    }
}

extension Dataset {
    /// Writes this set as two IDX files, `<prefix>-images-idx3-ubyte` and
    /// `<prefix>-labels-idx1-ubyte`, atomically (MNIST's own prefixes are "train" and "t10k");
    /// `gzip` compresses them as MNIST's downloads are, with a `.gz` suffix.
    public func writeIDX(to folder: URL, prefix: String, gzip: Bool = false) throws {
        for (name, bytes) in idxFiles(prefix: prefix, gzip: gzip) {
            try AtomicFile.write(bytes, to: folder.appendingPathComponent(name))
        }
    }

    /// The images file then the labels file, named and (optionally) compressed as `writeIDX`
    /// writes them.
    public func idxFiles(prefix: String, gzip: Bool) -> [(name: String, bytes: [UInt8])] {
        let suffix = gzip ? ".gz" : ""
        let files = [("\(prefix)-images-idx3-ubyte", IDX.encodeImages(pixels)), ("\(prefix)-labels-idx1-ubyte", IDX.encodeLabels(labels))]
        return files.map { name, bytes in (name + suffix, gzip ? Gzip.compress(bytes) : bytes) }
    }
}
