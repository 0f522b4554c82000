/// The patch geometry of a convolution over NHWC images: `lower` copies every K×K×C input patch
/// into one row of a (N·OH·OW, K·K·C) matrix, `fold` adds such rows back onto the image (the
/// adjoint, for the input gradient). Both run images in parallel: images never share memory.
struct Im2Col {
    let input: Shape
    let output: Shape
    let kernel: Int
    let stride: Int
    let padding: Int

    var patchSize: Int { kernel * kernel * input.channels }

    func lower(_ x: UnsafePointer<Float>, into columns: UnsafeMutablePointer<Float>, batch: Int) {
        let (h, w, c) = (input.height, input.width, input.channels)
        let patch = patchSize
        parallelRanges(batch) { images in
            for n in images {
                let image = x + n * h * w * c
                var row = columns + n * output.height * output.width * patch
                for oy in 0..<output.height {
                    for ox in 0..<output.width {
                        var target = row
                        for ky in 0..<kernel {
                            let iy = oy * stride - padding + ky
                            for kx in 0..<kernel {
                                let ix = ox * stride - padding + kx
                                if iy >= 0, iy < h, ix >= 0, ix < w {
                                    target.update(from: image + (iy * w + ix) * c, count: c)
                                } else {
                                    target.update(repeating: 0, count: c)
                                }
                                target += c
                            }
                        }
                        row += patch
                    }
                }
            }
        }
    }

    func fold(_ columns: UnsafePointer<Float>, into dx: UnsafeMutablePointer<Float>, batch: Int) {
        let (h, w, c) = (input.height, input.width, input.channels)
        let patch = patchSize
        parallelRanges(batch) { images in
            for n in images {
                let image = dx + n * h * w * c
                image.update(repeating: 0, count: h * w * c)
                var row = columns + n * output.height * output.width * patch
                for oy in 0..<output.height {
                    for ox in 0..<output.width {
                        var source = row
                        for ky in 0..<kernel {
                            let iy = oy * stride - padding + ky
                            for kx in 0..<kernel {
                                let ix = ox * stride - padding + kx
                                if iy >= 0, iy < h, ix >= 0, ix < w {
                                    let target = image + (iy * w + ix) * c
                                    for i in 0..<c { target[i] += source[i] }
                                }
                                source += c
                            }
                        }
                        row += patch
                    }
                }
            }
        }
    }
}
