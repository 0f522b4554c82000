import CBLAS

/// A 3×3 stride-1 convolution by Winograd's minimal filtering F(2×2, 3×3) (Lavin and Gray,
/// "Fast Algorithms for Convolutional Neural Networks", 2015): each 2×2 block of outputs comes
/// from a 4×4 input tile through 16 products per (input, output) channel pair instead of 36,
/// 2.25 times fewer multiplications than im2col. The products of one tile position ξ over all
/// tiles and channels are one sgemm (tiles, C)·(C, F), so BLAS still does the arithmetic.
///
/// x is (N, H, W, C), y is (N, OH, OW, F) with OH = H + 2·padding − 2; the transformed filters
/// `u` are (16, C, F). Tiles hanging over the output's last row or column are computed and
/// their extra outputs dropped; input outside the image reads as zero (the padding).
/// F(2×2, 3×3) keeps float32 rounding within a few ulps of the direct sum (its transforms only
/// add, subtract and halve), where F(4×4, 3×3)'s larger constants lose digits.
struct Winograd {
    let input: Shape
    let output: Shape
    let padding: Int

    /// Input tiles are 4×4 values; their transforms are 16 values per channel.
    static let positions = 16

    var tilesY: Int { (output.height + 1) / 2 }
    var tilesX: Int { (output.width + 1) / 2 }
    var tilesPerImage: Int { tilesY * tilesX }

    /// Below 16 input channels each tile's products are too thin an sgemm (K = C) to beat
    /// im2col's K = 9·C; a first layer (C = 1) stays on im2col.
    static func applies(kernel: Int, stride: Int, channels: Int) -> Bool { kernel == 3 && stride == 1 && channels >= 16 }

    /// Images per step: enough tiles that each of the 16 sgemms is worth a call, few enough
    /// that a step's transformed tiles stay in the processor's cache between passes.
    var imagesPerStep: Int { max(1, 1024 / tilesPerImage) }

    /// Floats of workspace one step needs: transformed input (tiles, 16, C), products
    /// (tiles, 16, F), and per-tile scratch.
    var workspacePerStep: Int {
        imagesPerStep * tilesPerImage * Self.positions * (input.channels + output.channels)
            + Self.positions * input.channels + 9 * output.channels + input.channels
    }

    /// u[ξ, c, f] = (G g Gᵀ)[ξ] with g = w[·, ·, c, f]: w is (3, 3, C, F), u is (16, C, F).
    /// G = [1 0 0; ½ ½ ½; ½ −½ ½; 0 0 1].
    static func transformFilters(_ w: UnsafePointer<Float>, into u: UnsafeMutablePointer<Float>, channels: Int, filters: Int) {
        let pairs = channels * filters
        // One column or row of G·g: (g0, (g0 + g1 + g2)/2, (g0 − g1 + g2)/2, g2).
        func expand(_ g0: Float, _ g1: Float, _ g2: Float) -> (Float, Float, Float, Float) {
            (g0, (g0 + g1 + g2) / 2, (g0 - g1 + g2) / 2, g2)
        }
        for pair in 0..<pairs {
            func g(_ ky: Int, _ kx: Int) -> Float { w[(3 * ky + kx) * pairs + pair] }
            // t = G·g (4×3), one expanded column per kx; then each of its rows expands to 4.
            let (c0, c1, c2) = (expand(g(0, 0), g(1, 0), g(2, 0)), expand(g(0, 1), g(1, 1), g(2, 1)),
                                expand(g(0, 2), g(1, 2), g(2, 2)))
            let rows = [expand(c0.0, c1.0, c2.0), expand(c0.1, c1.1, c2.1), expand(c0.2, c1.2, c2.2), expand(c0.3, c1.3, c2.3)]
            for (i, row) in rows.enumerated() {
                u[4 * i * pairs + pair] = row.0
                u[(4 * i + 1) * pairs + pair] = row.1
                u[(4 * i + 2) * pairs + pair] = row.2
                u[(4 * i + 3) * pairs + pair] = row.3
            }
        }
    }

    /// y = act(conv(x, w) + b) for `images` of the batch, in steps of `imagesPerStep`, with
    /// `workspace` holding `workspacePerStep` floats; one thread per call.
    func forward(_ x: UnsafePointer<Float>, filters u: UnsafePointer<Float>, bias: UnsafePointer<Float>,
                 activation: Architecture.Activation, _ y: UnsafeMutablePointer<Float>, images: Range<Int>,
                 workspace: UnsafeMutablePointer<Float>) {
        let (c, f) = (input.channels, output.channels)
        var first = images.lowerBound
        while first < images.upperBound {
            let count = min(imagesPerStep, images.upperBound - first)
            let tiles = count * tilesPerImage
            let v = workspace, m = v + tiles * Self.positions * c
            let scratch = m + tiles * Self.positions * f
            transformInput(x + first * input.count, into: v, images: count, scratch: scratch)
            for xi in 0..<Self.positions {
                cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(tiles), Int32(f), Int32(c),
                            1, v + xi * c, Int32(Self.positions * c), u + xi * c * f, Int32(f),
                            0, m + xi * f, Int32(Self.positions * f))
            }
            transformOutput(m, into: y + first * output.count, images: count, bias: bias, activation: activation, scratch: scratch)
            first += count
        }
    }

    /// v[t, ξ, c] = (Bᵀ d B)[ξ] for the 4×4 tile d of every tile t and channel c, with
    /// Bᵀ = [1 0 −1 0; 0 1 1 0; 0 −1 1 0; 0 1 0 −1]. Channels run innermost, so every line
    /// below is a vector operation over C contiguous floats.
    private func transformInput(_ x: UnsafePointer<Float>, into v: UnsafeMutablePointer<Float>, images: Int,
                                scratch: UnsafeMutablePointer<Float>) {
        let c = input.channels
        // r holds the tile's rows after the column transform: (4, 4, C); zeros stands in for padding.
        let r = scratch, zeros = scratch + Self.positions * c
        zeros.update(repeating: 0, count: c)
        var tile = 0
        for n in 0..<images {
            let image = x + n * input.count
            for ty in 0..<tilesY {
                for tx in 0..<tilesX {
                    for i in 0..<4 {
                        let iy = 2 * ty - padding + i
                        func pixel(_ j: Int) -> UnsafePointer<Float> {
                            let ix = 2 * tx - padding + j
                            return iy >= 0 && iy < input.height && ix >= 0 && ix < input.width
                                ? image + (iy * input.width + ix) * c : UnsafePointer(zeros)
                        }
                        Self.butterfly(pixel(0), pixel(1), pixel(2), pixel(3),
                                       into: r + 4 * i * c, r + (4 * i + 1) * c, r + (4 * i + 2) * c, r + (4 * i + 3) * c, count: c)
                    }
                    let out = v + tile * Self.positions * c
                    for j in 0..<4 {
                        Self.butterfly(r + j * c, r + (4 + j) * c, r + (8 + j) * c, r + (12 + j) * c,
                                       into: out + j * c, out + (4 + j) * c, out + (8 + j) * c, out + (12 + j) * c, count: c)
                    }
                    tile += 1
                }
            }
        }
    }

    /// The transforms' vectors: eight channels at a time, unaligned, as AVX2 holds them.
    private typealias Vector = SIMD8<Float>

    @inline(__always)
    private static func load(_ p: UnsafePointer<Float>, _ k: Int) -> Vector { UnsafeRawPointer(p + k).loadUnaligned(as: Vector.self) }

    @inline(__always)
    private static func store(_ v: Vector, _ p: UnsafeMutablePointer<Float>, _ k: Int) {
        UnsafeMutableRawPointer(p + k).storeBytes(of: v, as: Vector.self)
    }

    /// One row or column of Bᵀ·d for `count` channels: (d0 − d2, d1 + d2, d2 − d1, d1 − d3).
    /// Explicit 8-wide vectors: with eight pointers that may alias, the compiler leaves the
    /// plain loop scalar, and it then cost as much as the sgemms.
    @inline(__always)
    private static func butterfly(_ d0: UnsafePointer<Float>, _ d1: UnsafePointer<Float>, _ d2: UnsafePointer<Float>,
                                  _ d3: UnsafePointer<Float>, into r0: UnsafeMutablePointer<Float>, _ r1: UnsafeMutablePointer<Float>,
                                  _ r2: UnsafeMutablePointer<Float>, _ r3: UnsafeMutablePointer<Float>, count: Int) {
        var k = 0
        while k + Vector.scalarCount <= count {
            let (a, b, c, d) = (load(d0, k), load(d1, k), load(d2, k), load(d3, k))
            store(a - c, r0, k)
            store(b + c, r1, k)
            store(c - b, r2, k)
            store(b - d, r3, k)
            k += Vector.scalarCount
        }
        while k < count {
            (r0[k], r1[k], r2[k], r3[k]) = (d0[k] - d2[k], d1[k] + d2[k], d2[k] - d1[k], d1[k] - d3[k])
            k += 1
        }
    }

    /// One row or column of Aᵀ·m for `count` channels: (m0 + m1 + m2, m1 − m2 − m3), in
    /// explicit vectors as `butterfly`.
    @inline(__always)
    private static func fold(_ m0: UnsafePointer<Float>, _ m1: UnsafePointer<Float>, _ m2: UnsafePointer<Float>,
                             _ m3: UnsafePointer<Float>, into s0: UnsafeMutablePointer<Float>, _ s1: UnsafeMutablePointer<Float>,
                             count: Int) {
        var k = 0
        while k + Vector.scalarCount <= count {
            let (a, b, c, d) = (load(m0, k), load(m1, k), load(m2, k), load(m3, k))
            store(a + b + c, s0, k)
            store(b - c - d, s1, k)
            k += Vector.scalarCount
        }
        while k < count {
            (s0[k], s1[k]) = (m0[k] + m1[k] + m2[k], m1[k] - m2[k] - m3[k])
            k += 1
        }
    }

    /// y = act(Aᵀ m A + b) per tile, Aᵀ = [1 1 1 0; 0 1 −1 −1], writing only the outputs
    /// inside the image; m is (tiles, 16, F).
    private func transformOutput(_ m: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>, images: Int,
                                 bias: UnsafePointer<Float>, activation: Architecture.Activation,
                                 scratch: UnsafeMutablePointer<Float>) {
        let f = output.channels
        // s holds the tile's rows after the column transform: (4, 2, F).
        let s = scratch, spare = scratch + 8 * f
        func finish(_ out: UnsafeMutablePointer<Float>) {
            for k in 0..<f { out[k] += bias[k] }
            activation.apply(out, count: f)
        }
        var tile = 0
        for n in 0..<images {
            let image = y + n * output.count
            for ty in 0..<tilesY {
                for tx in 0..<tilesX {
                    let block = m + tile * Self.positions * f
                    for i in 0..<4 {
                        Self.fold(block + 4 * i * f, block + (4 * i + 1) * f, block + (4 * i + 2) * f, block + (4 * i + 3) * f,
                                  into: s + 2 * i * f, s + (2 * i + 1) * f, count: f)
                    }
                    // A tile over the last row writes its lower outputs to spare scratch.
                    let oy = 2 * ty, lower = oy + 1 < output.height
                    for b in 0..<2 {
                        let ox = 2 * tx + b
                        guard ox < output.width else { break }
                        let top = image + (oy * output.width + ox) * f
                        let bottom = lower ? top + output.width * f : spare
                        Self.fold(s + b * f, s + (2 + b) * f, s + (4 + b) * f, s + (6 + b) * f, into: top, bottom, count: f)
                        finish(top)
                        if lower { finish(bottom) }
                    }
                    tile += 1
                }
            }
        }
    }
}
