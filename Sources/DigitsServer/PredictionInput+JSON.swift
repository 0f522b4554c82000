import DigitsKit
import Foundation

extension PredictionInput {
    private struct Pixels: Decodable {
        var mnist: [Int]?
        var width: Int?
        var height: Int?
        var rgba: [Int]?
        var grey: [Int]?
    }

    static func fromJSON(_ body: [UInt8], maxPixels: Int) throws(APIError) -> PredictionInput {
        let pixels = try decodeJSON(Pixels.self, from: Data(body), expecting: jsonShape)
        if let mnist = pixels.mnist {
            guard mnist.count == 784 else { throw invalid("mnist holds \(mnist.count) values, not 28 × 28 = 784") }
            return .mnist(try bytes(mnist, field: "mnist"))
        }
        guard let width = pixels.width, let height = pixels.height else {
            throw invalid("a picture needs its width and height")
        }
        guard width > 0, height > 0 else { throw invalid("the picture is \(width)×\(height)") }
        guard width.multipliedReportingOverflow(by: height).partialValue <= maxPixels, width <= maxPixels, height <= maxPixels else {
            throw ImageDecodingError.tooManyPixels(width: width, height: height, limit: maxPixels).apiError
        }
        let count = width * height
        let image: RasterImage?
        if let rgba = pixels.rgba {
            guard rgba.count == count * 4 else { throw invalid("rgba holds \(rgba.count) values, not \(width) × \(height) × 4") }
            image = RasterImage(width: width, height: height, channels: 3, pixels: onWhite(try bytes(rgba, field: "rgba")))
        } else if let grey = pixels.grey {
            guard grey.count == count else { throw invalid("grey holds \(grey.count) values, not \(width) × \(height)") }
            image = RasterImage(width: width, height: height, channels: 1, pixels: try bytes(grey, field: "grey"))
        } else {
            throw invalid("no pixels: give mnist, rgba or grey")
        }
        guard let image else { throw invalid("the pixels do not make a \(width)×\(height) picture") }
        return .picture(image)
    }

    private static func invalid(_ detail: String) -> APIError {
        APIError(.unprocessableContent, "invalid pixels", detail: "\(detail); expected \(jsonShape)")
    }

    private static func bytes(_ values: [Int], field: String) throws(APIError) -> [UInt8] {
        if let bad = values.first(where: { !(0...255).contains($0) }) {
            throw invalid("\(field) holds \(bad), outside 0–255")
        }
        return values.map { UInt8($0) }
    }

    /// RGBA as RGB composited on white, as the image decoders treat transparency: an untouched
    /// (transparent) canvas is blank paper.
    private static func onWhite(_ rgba: [UInt8]) -> [UInt8] {
        var rgb = [UInt8](repeating: 0, count: rgba.count / 4 * 3)
        for pixel in 0..<rgba.count / 4 {
            let alpha = UInt32(rgba[4 * pixel + 3])
            for channel in 0..<3 {
                let value = UInt32(rgba[4 * pixel + channel])
                rgb[3 * pixel + channel] = UInt8((value * alpha + 255 * (255 - alpha) + 127) / 255)
            }
        }
        return rgb
    }
}
