import Foundation

/// Platt scaling: `P(y = +1 | f) = 1 / (1 + exp(A·f + B))`, fitted by Newton's method with a
/// backtracking line search on regularised targets (Lin, Lin & Weng 2007, as in libsvm).
enum PlattSigmoid {
    static func fit(decisions: [Float], labels: [Float]) -> (a: Float, b: Float) {
        let positives = Double(labels.filter { $0 > 0 }.count)
        let negatives = Double(labels.count) - positives
        // Targets pulled off 0 and 1 by a Bayesian prior, so separable data cannot push A to −∞.
        let high = (positives + 1) / (positives + 2), low = 1 / (negatives + 2)
        let targets = labels.map { $0 > 0 ? high : low }
        let f = decisions.map(Double.init)
        var a = 0.0, b = log((negatives + 1) / (positives + 1))
        func objective(_ a: Double, _ b: Double) -> Double {
            var value = 0.0
            for i in f.indices {
                let z = f[i] * a + b
                // −t·log p − (1 − t)·log(1 − p), written so exp never overflows.
                value += z >= 0 ? targets[i] * z + log1p(exp(-z)) : (targets[i] - 1) * z + log1p(exp(z))
            }
            return value
        }
        var value = objective(a, b)
        let sigma = 1e-12, minimumStep = 1e-10, epsilon = 1e-5
        for _ in 0..<100 {
            var h11 = sigma, h22 = sigma, h21 = 0.0, g1 = 0.0, g2 = 0.0
            for i in f.indices {
                let z = f[i] * a + b
                let (p, q) = z >= 0 ? (exp(-z) / (1 + exp(-z)), 1 / (1 + exp(-z))) : (1 / (1 + exp(z)), exp(z) / (1 + exp(z)))
                let d2 = p * q
                h11 += f[i] * f[i] * d2
                h22 += d2
                h21 += f[i] * d2
                let d1 = targets[i] - p
                g1 += f[i] * d1
                g2 += d1
            }
            if abs(g1) < epsilon && abs(g2) < epsilon { break }
            let determinant = h11 * h22 - h21 * h21
            let da = -(h22 * g1 - h21 * g2) / determinant
            let db = -(-h21 * g1 + h11 * g2) / determinant
            let slope = g1 * da + g2 * db
            var step = 1.0
            while step >= minimumStep {
                let candidate = objective(a + step * da, b + step * db)
                if candidate < value + 1e-4 * step * slope {
                    a += step * da
                    b += step * db
                    value = candidate
                    break
                }
                step /= 2
            }
            if step < minimumStep { break }
        }
        return (Float(a), Float(b))
    }

    /// `P(y = +1 | f)`, clipped away from 0 and 1 as libsvm does before coupling.
    static func probability(decision: Float, a: Float, b: Float) -> Double {
        let z = Double(decision) * Double(a) + Double(b)
        let p = z >= 0 ? exp(-z) / (1 + exp(-z)) : 1 / (1 + exp(z))
        return min(max(p, 1e-7), 1 - 1e-7)
    }

    /// Class probabilities from pairwise ones, `r[i][j] = P(i | i or j)`, by Wu, Lin & Weng's
    /// second method (libsvm's `multiclass_probability`): minimise `Σ_i Σ_{j≠i} (r_ji p_i − r_ij p_j)²`
    /// over the simplex, by coordinate descent on the optimality conditions.
    static func couple(_ r: [[Double]]) -> [Double] {
        let k = r.count
        var q = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        for t in 0..<k {
            for j in 0..<k where j != t {
                q[t][t] += r[j][t] * r[j][t]
                q[t][j] = -r[j][t] * r[t][j]
            }
        }
        var p = [Double](repeating: 1 / Double(k), count: k)
        var qp = [Double](repeating: 0, count: k)
        let epsilon = 0.005 / Double(k)
        for _ in 0..<max(100, k) {
            var pqp = 0.0
            for t in 0..<k {
                qp[t] = (0..<k).reduce(0) { $0 + q[t][$1] * p[$1] }
                pqp += p[t] * qp[t]
            }
            if qp.allSatisfy({ abs($0 - pqp) < epsilon }) { break }
            for t in 0..<k {
                let diff = (-qp[t] + pqp) / q[t][t]
                p[t] += diff
                pqp = (pqp + diff * (diff * q[t][t] + 2 * qp[t])) / ((1 + diff) * (1 + diff))
                for j in 0..<k {
                    qp[j] = (qp[j] + diff * q[t][j]) / (1 + diff)
                    p[j] /= 1 + diff
                }
            }
        }
        return p
    }
}
