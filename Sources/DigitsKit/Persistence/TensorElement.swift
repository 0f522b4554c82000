/// A Swift type whose in-memory layout is exactly one safetensors element, so arrays of it
/// convert to and from a tensor's bytes with one memory copy.
///
/// The copy is byte-for-byte, which is right because safetensors is little-endian and so are the
/// hosts Digits runs on (x86-64, arm64). A big-endian host would need a byte swap here.
public protocol TensorElement: BitwiseCopyable {
    static var dtype: DType { get }
}

extension Float: TensorElement { public static var dtype: DType { .f32 } }
extension Double: TensorElement { public static var dtype: DType { .f64 } }
extension Int64: TensorElement { public static var dtype: DType { .i64 } }
extension Int32: TensorElement { public static var dtype: DType { .i32 } }
extension Int16: TensorElement { public static var dtype: DType { .i16 } }
extension Int8: TensorElement { public static var dtype: DType { .i8 } }
extension UInt64: TensorElement { public static var dtype: DType { .u64 } }
extension UInt32: TensorElement { public static var dtype: DType { .u32 } }
extension UInt16: TensorElement { public static var dtype: DType { .u16 } }
extension UInt8: TensorElement { public static var dtype: DType { .u8 } }

extension Array where Element: BitwiseCopyable {
    /// The first `count` elements laid out in `source`, copied with one `memcpy`.
    /// `source` must hold at least `count * MemoryLayout<Element>.stride` bytes.
    init(copyingBytesOf source: UnsafeRawBufferPointer, count: Int) {
        self.init(unsafeUninitializedCapacity: count) { buffer, initialized in
            if count > 0, let target = buffer.baseAddress, let from = source.baseAddress {
                UnsafeMutableRawPointer(target).copyMemory(
                    from: from, byteCount: count * MemoryLayout<Element>.stride)
            }
            initialized = count
        }
    }
}
