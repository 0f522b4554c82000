/// Stored feature rows (neighbours, support vectors) are usually grey levels divided by 255:
/// one byte each holds them exactly, a quarter of the F32 size.
extension Tensor {
    /// The factors a row of bytes may have been multiplied by: `PixelScaler`'s and none.
    static let pixelScales: [Float] = [1 / 255, 1]

    /// `matrix` as U8 bytes and the scale that restores it bit for bit, when every value is
    /// `Float(byte) * scale` for one of `pixelScales`; otherwise as F32 with no scale.
    static func pixelsOrFloats(_ matrix: Matrix) -> (rows: Tensor, scale: Float?) {
        for scale in pixelScales {
            if let bytes = bytes(of: matrix, scale: scale) {
                return (Tensor(unchecked: .u8, shape: [matrix.rows, matrix.columns], rawBytes: bytes), scale)
            }
        }
        return (Tensor(matrix), nil)
    }

    private static func bytes(of matrix: Matrix, scale: Float) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: matrix.count)
        let exact = matrix.storage.withUnsafeBufferPointer { values in
            bytes.withUnsafeMutableBufferPointer { bytes in
                for i in values.indices {
                    let level = (values[i] / scale).rounded()
                    guard level >= 0, level <= 255, Float(level) * scale == values[i] else { return false }
                    bytes[i] = UInt8(level)
                }
                return true
            }
        }
        return exact ? bytes : nil
    }
}

extension StoredState {
    /// A matrix written by `Tensor.pixelsOrFloats`: F32 rows, or U8 rows times the F32 `scale`.
    func pixelsOrFloats(_ name: String, scale scaleName: String, shape: [Int?]) throws -> Matrix {
        let stored = try tensor(name, shape: shape)
        guard stored.dtype == .u8 else { return try stored.matrix() }
        let scale = try floats(scaleName, shape: [1])[0]
        guard Tensor.pixelScales.contains(scale) else {
            throw ModelFileError.badTensorValue(file: file, name: prefix + scaleName,
                                                detail: "scale \(scale) is none of \(Tensor.pixelScales)")
        }
        let bytes = try stored.bytes()
        return Matrix(rows: stored.shape[0], columns: stored.shape[1], storage: bytes.map { Float($0) * scale })
    }
}
