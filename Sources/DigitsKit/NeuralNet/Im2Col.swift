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
        let c = input.channels
        parallelRanges(batch) { images in
            for n in images {
                let image = x + n * input.count
                let block = columns + n * output.height * output.width * patchSize
                forEachCell { column, pixel in
                    if let pixel {
                        (block + column).update(from: image + pixel * c, count: c)
                    } else {
                        (block + column).update(repeating: 0, count: c)
                    }
                }
            }
        }
    }

    func fold(_ columns: UnsafePointer<Float>, into dx: UnsafeMutablePointer<Float>, batch: Int) {
        let c = input.channels
        parallelRanges(batch) { images in
            for n in images {
                let image = dx + n * input.count
                image.update(repeating: 0, count: input.count)
                let block = columns + n * output.height * output.width * patchSize
                forEachCell { column, pixel in
                    guard let pixel else { return }
                    let target = image + pixel * c, source = block + column
                    for i in 0..<c { target[i] += source[i] }
                }
            }
        }
    }

    /// Calls `body(column, pixel)` for each kernel cell of each output position of one image:
    /// `column` is the cell's offset in the image's block of rows, `pixel` the input pixel it
    /// reads (y·W + x), nil where the kernel hangs over the zero padding.
    @inline(__always)
    private func forEachCell(_ body: (_ column: Int, _ pixel: Int?) -> Void) {
        let c = input.channels
        var column = 0
        for oy in 0..<output.height {
            for ox in 0..<output.width {
                for ky in 0..<kernel {
                    let iy = oy * stride - padding + ky
                    for kx in 0..<kernel {
                        let ix = ox * stride - padding + kx
                        body(column, iy >= 0 && iy < input.height && ix >= 0 && ix < input.width ? iy * input.width + ix : nil)
                        column += c
                    }
                }
            }
        }
    }
}
