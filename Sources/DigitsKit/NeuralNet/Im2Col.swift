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
                forEachRun { column, pixel, count in
                    if let pixel {
                        // A first layer's run is a few floats: plain stores beat a memmove call.
                        if count <= 4 {
                            for i in 0..<count { block[column + i] = image[pixel * c + i] }
                        } else {
                            (block + column).update(from: image + pixel * c, count: count)
                        }
                    } else {
                        (block + column).update(repeating: 0, count: count)
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
                forEachRun { column, pixel, count in
                    guard let pixel else { return }
                    let target = image + pixel * c, source = block + column
                    for i in 0..<count { target[i] += source[i] }
                }
            }
        }
    }

    /// Calls `body(column, pixel, count)` for each run of a kernel row of each output position
    /// of one image that lies wholly inside the image or wholly over the zero padding: `column`
    /// is the run's offset in the image's block of rows, `pixel` the first input pixel it reads
    /// (y·W + x), nil over the padding, and `count` its length in floats. A kernel row's cells
    /// are adjacent both in the image and in the row, so one copy moves K·C floats instead of K
    /// copies of C.
    @inline(__always)
    private func forEachRun(_ body: (_ column: Int, _ pixel: Int?, _ count: Int) -> Void) {
        let c = input.channels
        var column = 0
        for oy in 0..<output.height {
            for ox in 0..<output.width {
                let left = ox * stride - padding
                // The kernel columns kx in first..<last read pixels inside the image.
                let first = min(kernel, max(0, -left)), last = max(first, min(kernel, input.width - left))
                for ky in 0..<kernel {
                    let iy = oy * stride - padding + ky
                    if iy < 0 || iy >= input.height {
                        body(column, nil, kernel * c)
                    } else {
                        if first > 0 { body(column, nil, first * c) }
                        if last > first { body(column + first * c, iy * input.width + left + first, (last - first) * c) }
                        if last < kernel { body(column + last * c, nil, (kernel - last) * c) }
                    }
                    column += kernel * c
                }
            }
        }
    }
}
