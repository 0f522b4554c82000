extension SafeTensorsFile {
    /// The file's bytes. The same tensors and metadata always give the same bytes: keys are
    /// sorted, numbers printed one way, and the data order is fixed.
    ///
    /// Tensor data goes widest element type first, then by name (as Python's `safetensors`
    /// does), and the header is padded with spaces to a multiple of 8 bytes. Together these put
    /// every tensor at an offset that is a multiple of its element size, so a reader that maps
    /// the file can use the bytes in place.
    public func serialized() -> [UInt8] {
        let order = tensors.sorted { a, b in
            a.value.dtype.size != b.value.dtype.size
                ? a.value.dtype.size > b.value.dtype.size
                : Self.precedes(a.key, b.key)
        }

        var entries: [(key: String, json: String)] = []
        entries.reserveCapacity(order.count + 1)
        var offset = 0
        for (name, tensor) in order {
            let end = offset + tensor.rawBytes.count
            let shape = tensor.shape.map(String.init).joined(separator: ",")
            entries.append((name, #"{"data_offsets":[\#(offset),\#(end)],"dtype":"\#(tensor.dtype.rawValue)","shape":[\#(shape)]}"#))
            offset = end
        }
        if !metadata.isEmpty {
            let pairs = metadata.sorted { Self.precedes($0.key, $1.key) }
                .map { Self.jsonString($0.key) + ":" + Self.jsonString($0.value) }
            entries.append((Self.metadataKey, "{" + pairs.joined(separator: ",") + "}"))
        }
        entries.sort { Self.precedes($0.key, $1.key) }
        let json = "{" + entries.map { Self.jsonString($0.key) + ":" + $0.json }.joined(separator: ",") + "}"

        var header = Array(json.utf8)
        header.append(contentsOf: repeatElement(UInt8(ascii: " "), count: (8 - header.count % 8) % 8))

        var bytes: [UInt8] = []
        bytes.reserveCapacity(8 + header.count + offset)
        withUnsafeBytes(of: UInt64(header.count).littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: header)
        for (_, tensor) in order {
            bytes.append(contentsOf: tensor.rawBytes)
        }
        return bytes
    }

    /// Code-point order (UTF-8 byte order is the same), which is what JSON writers that sort
    /// keys use; `String.<` also normalises Unicode, which is not what we want in a file.
    private static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// `text` as a JSON string literal: quotes, backslashes and control characters escaped,
    /// everything else kept as UTF-8.
    private static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
