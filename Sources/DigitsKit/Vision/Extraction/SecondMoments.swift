import Foundation

/// The spread of a set of pixels along and across its principal axis, from their second
/// moments: a bar `length` long and `thickness` thick has variances length²/12 along it and
/// thickness²/12 across it.
struct SecondMoments {
    /// The variances of the pixels' x and y, and along and across their principal axis.
    let varianceX: Double, varianceY: Double, along: Double, across: Double
    /// The pixels' mean position in the image.
    let centreX: Double, centreY: Double
    /// The principal axis's angle to the x axis, in radians (-π/2…π/2; y grows downwards).
    let axisAngle: Double

    /// The moments of the pixels in columns `columns` and rows `rows` of an image `width` wide
    /// whose label (`labels`) `isMember` says is one of the set's; nil when none is.
    init?(labels: [Int32], width: Int, columns: ClosedRange<Int>, rows: ClosedRange<Int>, isMember: (Int32) -> Bool) {
        var count = 0.0, sumX = 0.0, sumY = 0.0, sumXX = 0.0, sumYY = 0.0, sumXY = 0.0
        labels.withUnsafeBufferPointer { l in
            for y in rows {
                let row = y * width
                for x in columns where isMember(l[row + x]) {
                    let (u, v) = (Double(x - columns.lowerBound), Double(y - rows.lowerBound))
                    count += 1
                    sumX += u; sumY += v
                    sumXX += u * u; sumYY += v * v; sumXY += u * v
                }
            }
        }
        guard count > 0 else { return nil }
        let (meanX, meanY) = (sumX / count, sumY / count)
        (centreX, centreY) = (meanX + Double(columns.lowerBound), meanY + Double(rows.lowerBound))
        varianceX = sumXX / count - meanX * meanX
        varianceY = sumYY / count - meanY * meanY
        let covariance = sumXY / count - meanX * meanY
        let half = (varianceX + varianceY) / 2
        let root = ((varianceX - varianceY) * (varianceX - varianceY) / 4 + covariance * covariance).squareRoot()
        (along, across) = (half + root, max(0, half - root))
        axisAngle = 0.5 * atan2(2 * covariance, varianceX - varianceY)
    }
}
