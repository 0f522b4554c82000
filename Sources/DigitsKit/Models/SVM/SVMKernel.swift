/// A kernel function evaluated from dot products, so that the expensive part of every kernel
/// row or block is one BLAS product: rbf `exp(−γ‖a − b‖²)` with `‖a − b‖² = ‖a‖² + ‖b‖² − 2a·b`,
/// linear `a·b`, poly `(γ a·b + coef0)^degree`.
struct SVMKernel: Sendable, Equatable {
    enum Kind: String, Sendable, CaseIterable {
        case rbf, linear, poly
    }

    var kind: Kind
    var gamma: Float
    var degree: Int
    var coef0: Float

    /// Turns `values[k] = a·b_k` into `k(a, b_k)` in place; `aNorm` is ‖a‖², `bNorms[k]` is ‖b_k‖².
    func apply(_ values: UnsafeMutablePointer<Float>, count: Int, aNorm: Float, bNorms: UnsafePointer<Float>) {
        switch kind {
        case .linear:
            return
        case .rbf:
            let scale = -gamma
            for k in 0..<count {
                // Rounding can make a tiny distance negative; a distance is never below zero.
                let distance = max(aNorm + bNorms[k] - 2 * values[k], 0)
                values[k] = scale * distance
            }
            exponentiate(values, count: count)
        case .poly:
            for k in 0..<count { values[k] = power(gamma * values[k] + coef0, degree) }
        }
    }

    /// `k(a, a)` from `‖a‖²`.
    func selfValue(norm: Float) -> Float {
        switch kind {
        case .linear: return norm
        case .rbf: return 1
        case .poly: return power(gamma * norm + coef0, degree)
        }
    }

    private func power(_ base: Float, _ exponent: Int) -> Float {
        var result: Float = 1, factor = base, remaining = exponent
        while remaining > 0 {
            if remaining & 1 == 1 { result *= factor }
            factor *= factor
            remaining >>= 1
        }
        return result
    }
}

/// `e^x` in place, branch-free so the loop vectorises: a kernel row needs thousands of
/// exponentials per BLAS call, and the scalar `expf` would cost as much as the product.
/// Cody–Waite reduction `x = n·ln2 + r` (|r| ≤ ln2/2), a degree-6 Taylor polynomial for `e^r`
/// (relative error below 2·10⁻⁷) and `2ⁿ` built in the exponent bits.
func exponentiate(_ values: UnsafeMutablePointer<Float>, count: Int) {
    let roundingShift: Float = 12_582_912 // 1.5·2²³: adding it rounds to an integer in the low mantissa bits
    for k in 0..<count {
        let x = min(max(values[k], -87), 88)
        let shifted = x * 1.442_695_04 + roundingShift
        let n = shifted - roundingShift
        let r = (x - n * 0.693_359_375) + n * 2.121_944_4e-4
        var p: Float = 1.0 / 720
        p = p * r + 1.0 / 120
        p = p * r + 1.0 / 24
        p = p * r + 1.0 / 6
        p = p * r + 0.5
        p = p * r + 1
        p = p * r + 1
        // The low mantissa bits of `shifted` hold n + 2²²; move n + 127 into the exponent field.
        let exponentBits = (shifted.bitPattern &- 0x4B40_0000 &+ 127) &<< 23
        values[k] = p * Float(bitPattern: exponentBits)
    }
}
