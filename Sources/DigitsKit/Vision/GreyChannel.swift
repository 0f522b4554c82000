/// Which channel of a colour picture becomes its grey levels: the ink must keep its contrast
/// with the ground whatever its colour.
///
/// Ink darker than its ground takes the darkest channel: blue ballpoint (≈ 40, 50, 150) or red
/// pen on white paper comes out as dark as black ink would, where a luminance weighting would
/// leave blue ink at half contrast; white and grey paper are unaffected because their channels
/// are equal. Light ink on a dark ground needs the brightest channel instead: a yellow, orange
/// or cyan stroke on a dark canvas has a channel near 0, so its darkest channel is as dark as
/// the ground and the drawing vanished.
///
/// The brightest channel is taken where the picture's border (its ground) is dark in every
/// channel and the brightest 0.1 % stands out from it at least twice as far in the brightest
/// channel as in the darkest. White ink, chalk and a white sheet on a dark desk stand out as far
/// in both, and keep the darkest channel, so dark coloured ink on that sheet stays dark.
enum GreyChannel {
    case darkest, brightest

    static func choose(for image: RasterImage) -> GreyChannel {
        guard image.channels == 3 else { return .darkest }
        let width = image.width, height = image.height
        // About 250 000 pixels are plenty for a 0.1 % tail, also of a 12-megapixel photo.
        let step = max(1, Int((Double(width * height) / 250_000).squareRoot()))
        let borderWidth = max(1, min(width, height) / 100)
        var darkest = GreyLevels(), brightest = GreyLevels(), borderDarkest = GreyLevels(), borderBrightest = GreyLevels()
        image.pixels.withUnsafeBufferPointer { p in
            for y in stride(from: 0, to: height, by: step) {
                let onBorderRow = y < borderWidth || y >= height - borderWidth
                for x in stride(from: 0, to: width, by: step) {
                    let i = 3 * (y * width + x)
                    let low = min(p[i], min(p[i + 1], p[i + 2])), high = max(p[i], max(p[i + 1], p[i + 2]))
                    darkest.add(low)
                    brightest.add(high)
                    if onBorderRow || x < borderWidth || x >= width - borderWidth {
                        borderDarkest.add(low)
                        borderBrightest.add(high)
                    }
                }
            }
        }
        let groundDarkest = borderDarkest.percentile(0.5), groundBrightest = borderBrightest.percentile(0.5)
        guard groundBrightest < 128 else { return .darkest }
        let standOutDarkest = darkest.percentile(0.999) - groundDarkest
        let standOutBrightest = brightest.percentile(0.999) - groundBrightest
        return standOutBrightest > 2 * max(standOutDarkest, 8) ? .brightest : .darkest
    }
}
