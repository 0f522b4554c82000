import Foundation

/// The `--arch` grammar: comma-separated layers, input 28×28×1 implied, last layer `dense10`.
///
///     convFkK[sS][pP|same|valid][ACT]   F filters of K×K, stride S (1), padding P zeros (valid)
///     denseN[ACT]                       N units; ACT defaults to relu (the last dense10 is linear)
///     poolP[sS] | maxpoolP[sS]          max pooling P×P, stride S (P)
///     avgpoolP[sS]                      average pooling
///     dropR                             dropout of rate R in [0, 1), e.g. drop0.25
///     bn                                batch normalisation (per channel)
///     relu | tanh | sigmoid             an activation on its own (pair with convFkKlinear,bn)
///     flatten                           optional: dense layers flatten their input anyway
///
/// ACT is one of relu, tanh, sigmoid, linear. The same list also reads as a JSON array of
/// tokens: `["conv32k3", "pool2", "dense100", "dense10"]`.
extension Architecture {
    public init(parsing text: String) throws(ArchitectureError) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        var tokens: [String]
        if trimmed.hasPrefix("["),
           let array = try? JSONDecoder().decode([String].self, from: Data(trimmed.utf8)) {
            tokens = array
        } else {
            tokens = trimmed.split(separator: ",", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces).lowercased()
            }
        }
        if tokens == [""] { tokens = [] }
        guard !tokens.isEmpty else { throw .empty }
        var layers: [Layer] = []
        for (offset, token) in tokens.enumerated() {
            guard let layer = Layer(token: token, isLast: offset == tokens.count - 1) else {
                throw .unknownToken(index: offset + 1, token: token)
            }
            layers.append(layer)
        }
        self.init(layers: layers)
        _ = try shapes()
    }
}

extension Architecture.Layer {
    /// The layer a token names, or nil when the token is not in the grammar.
    init?(token: String, isLast: Bool) {
        var scanner = TokenScanner(token)
        switch token {
        case "bn": self = .batchNorm; return
        case "flatten": self = .flatten; return
        default: break
        }
        if let activation = Architecture.Activation(rawValue: token) {
            self = .activation(activation)
            return
        }
        if scanner.take("conv") {
            guard let filters = scanner.integer(), scanner.take("k"), let kernel = scanner.integer() else { return nil }
            var stride = 1
            var padding = Architecture.Padding.valid
            if !scanner.starts(with: "same"), scanner.take("s") {
                guard let value = scanner.integer() else { return nil }
                stride = value
            }
            if scanner.take("same") { padding = .same }
            else if scanner.take("valid") { padding = .valid }
            else if scanner.take("p") { guard let value = scanner.integer() else { return nil }; padding = .explicit(value) }
            guard let activation = scanner.activation(default: .relu) else { return nil }
            self = .conv(filters: filters, kernel: kernel, stride: stride, padding: padding, activation: activation)
        } else if scanner.take("dense") {
            guard let units = scanner.integer(), let activation = scanner.activation(default: isLast ? .linear : .relu)
            else { return nil }
            self = .dense(units: units, activation: activation)
        } else if scanner.take("avgpool") || scanner.take("maxpool") || scanner.take("pool") {
            let average = token.hasPrefix("avg")
            guard let size = scanner.integer() else { return nil }
            var stride = size
            if scanner.take("s") { guard let value = scanner.integer() else { return nil }; stride = value }
            guard scanner.isAtEnd else { return nil }
            self = average ? .averagePool(size: size, stride: stride) : .maxPool(size: size, stride: stride)
        } else if scanner.take("dropout") || scanner.take("drop") {
            guard let rate = Float(scanner.rest), rate.isFinite else { return nil }
            self = .dropout(rate: rate)
        } else {
            return nil
        }
    }

    /// The token that parses back to this layer.
    public var token: String {
        switch self {
        case let .dense(units, activation):
            return "dense\(units)" + (activation == .relu ? "" : activation.rawValue)
        case let .conv(filters, kernel, stride, padding, activation):
            var text = "conv\(filters)k\(kernel)"
            if stride != 1 { text += "s\(stride)" }
            switch padding {
            case .valid: break
            case .same: text += "same"
            case let .explicit(pad): text += "p\(pad)"
            }
            return text + (activation == .relu ? "" : activation.rawValue)
        case let .maxPool(size, stride): return "pool\(size)" + (stride == size ? "" : "s\(stride)")
        case let .averagePool(size, stride): return "avgpool\(size)" + (stride == size ? "" : "s\(stride)")
        case let .dropout(rate): return "drop\(rate)"
        case .batchNorm: return "bn"
        case let .activation(activation): return activation.rawValue
        case .flatten: return "flatten"
        }
    }
}

/// Reads a token left to right: fixed words, then whole numbers.
private struct TokenScanner {
    private var remaining: Substring

    init(_ text: String) { remaining = Substring(text) }

    var isAtEnd: Bool { remaining.isEmpty }
    var rest: String { String(remaining) }

    func starts(with word: String) -> Bool { remaining.hasPrefix(word) }

    mutating func take(_ word: String) -> Bool {
        guard remaining.hasPrefix(word) else { return false }
        remaining = remaining.dropFirst(word.count)
        return true
    }

    mutating func integer() -> Int? {
        let digits = remaining.prefix(while: \.isASCII).prefix(while: \.isNumber)
        guard !digits.isEmpty, digits.count <= 6, let value = Int(digits) else { return nil }
        remaining = remaining.dropFirst(digits.count)
        return value
    }

    /// The activation suffix that ends the token, `fallback` when there is none.
    mutating func activation(default fallback: Architecture.Activation) -> Architecture.Activation? {
        if remaining.isEmpty { return fallback }
        return Architecture.Activation(rawValue: String(remaining))
    }
}
