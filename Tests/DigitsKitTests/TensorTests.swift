import Testing
@testable import DigitsKit

@Suite struct TensorTests {
    /// Values that a careless conversion would change: NaN payloads, signed zero, infinities,
    /// subnormals, extremes.
    static let awkwardFloats: [Float] = [
        Float(bitPattern: 0x7FC0_0001), Float(bitPattern: 0xFFA0_0042), -0.0, 0, .infinity, -.infinity,
        .leastNonzeroMagnitude, .greatestFiniteMagnitude, -1.5,
    ]
    static let awkwardDoubles: [Double] = [
        Double(bitPattern: 0x7FF8_0000_0000_0001), Double(bitPattern: 0xFFF4_0000_0000_0abc), -0.0, 0, .infinity,
        -.infinity, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 1e-300,
    ]

    /// Writes `values` as one tensor of a file, reads the file back and returns the tensor.
    private func roundTrip<Element: TensorElement>(_ values: [Element], shape: [Int]) throws -> Tensor {
        let file = try SafeTensorsFile(tensors: ["t": Tensor(values, shape: shape)])
        let read = try SafeTensorsFile(bytes: file.serialized())
        #expect(read == file)
        return try read.tensor("t")
    }

    @Test func floatsSurviveBitForBit() throws {
        let tensor = try roundTrip(Self.awkwardFloats, shape: [3, 3])
        #expect(tensor.dtype == .f32)
        #expect(try tensor.floats().map(\.bitPattern) == Self.awkwardFloats.map(\.bitPattern))
    }

    @Test func doublesSurviveBitForBit() throws {
        let tensor = try roundTrip(Self.awkwardDoubles, shape: [9])
        #expect(tensor.dtype == .f64)
        #expect(try tensor.doubles().map(\.bitPattern) == Self.awkwardDoubles.map(\.bitPattern))
    }

    @Test func integersSurviveAtTheirExtremes() throws {
        let i64: [Int64] = [.min, -1, 0, 1, .max]
        #expect(try roundTrip(i64, shape: [5]).int64s() == i64)
        let i32: [Int32] = [.min, -1, 0, 1, .max, 7]
        #expect(try roundTrip(i32, shape: [2, 3]).int32s() == i32)
        let u8: [UInt8] = [0, 1, 127, 128, 255]
        #expect(try roundTrip(u8, shape: [5, 1]).bytes() == u8)
        let i8: [Int8] = [.min, -1, 0, .max]
        #expect(try roundTrip(i8, shape: [2, 2]).values(as: Int8.self) == i8)
        let u16: [UInt16] = [0, 1, 0x8000, .max]
        #expect(try roundTrip(u16, shape: [4]).values(as: UInt16.self) == u16)
    }

    @Test(arguments: [DType.f16, .bf16, .bool, .u32, .u64, .i16])
    func dtypesWithoutAccessorsKeepTheirBytes(dtype: DType) throws {
        let raw = (0..<(6 * dtype.size)).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 1) }
        let tensor = try Tensor(dtype: dtype, shape: [2, 3], rawBytes: raw)
        let file = try SafeTensorsFile(tensors: ["t": tensor])
        let read = try SafeTensorsFile(bytes: file.serialized()).tensor("t")
        #expect(read.dtype == dtype && read.shape == [2, 3] && read.rawBytes == raw)
    }

    @Test func scalarsAndEmptyTensorsRoundTrip() throws {
        #expect(try roundTrip([Float(3)], shape: []).floats() == [3])
        let empty = try roundTrip([Int32](), shape: [0, 4])
        #expect(empty.shape == [0, 4] && empty.rawBytes.isEmpty)
    }

    @Test func matrixRoundTripsAsTwoDimensionalF32() throws {
        let matrix = Matrix(rows: 2, columns: 3, storage: [1, 2, 3, 4, 5, -0.0])
        let tensor = Tensor(matrix)
        #expect(tensor.shape == [2, 3] && tensor.dtype == .f32)
        let read = try roundTrip(try tensor.floats(), shape: [2, 3])
        #expect(try read.matrix().storage.map(\.bitPattern) == matrix.storage.map(\.bitPattern))
    }

    @Test func valuesMustFillTheShape() {
        #expect(throws: SafeTensorsError.shapeMismatch(valueCount: 5, shape: [2, 3])) {
            try Tensor([Float](repeating: 0, count: 5), shape: [2, 3])
        }
        #expect(throws: SafeTensorsError.shapeMismatch(valueCount: 0, shape: [-1, 0])) {
            try Tensor([Float](), shape: [-1, 0])
        }
        #expect(throws: SafeTensorsError.shapeMismatch(valueCount: 1, shape: [Int.max, 3])) {
            try Tensor([UInt8](repeating: 0, count: 1), shape: [Int.max, 3])
        }
        #expect(throws: SafeTensorsError.shapeMismatch(valueCount: 1, shape: [2])) {
            try Tensor(dtype: .f32, shape: [2], rawBytes: [0, 0, 0, 0])
        }
    }

    @Test func accessorsNameTheTensorOnTypeOrRankMismatch() throws {
        let file = try SafeTensorsFile(tensors: [
            "labels": Tensor([UInt8](repeating: 1, count: 4), shape: [4]),
            "bias": Tensor([Float](repeating: 0, count: 4), shape: [4]),
        ])
        let read = try SafeTensorsFile(bytes: file.serialized())
        #expect(throws: SafeTensorsError.dtypeMismatch(tensor: "labels", expected: .f32, actual: .u8)) {
            try read.tensor("labels").floats()
        }
        #expect(throws: SafeTensorsError.rankMismatch(tensor: "bias", expected: 2, shape: [4])) {
            try read.tensor("bias").matrix()
        }
        #expect(throws: SafeTensorsError.tensorNotFound("weights", available: ["bias", "labels"])) {
            try read.tensor("weights")
        }
        let message = SafeTensorsError.dtypeMismatch(tensor: "labels", expected: .f32, actual: .u8).description
        #expect(message == "tensor 'labels' holds U8 values, not F32")
    }

    @Test func equalityIgnoresTheDiagnosticName() throws {
        var named = try Tensor([Int64(1), 2], shape: [2])
        named.name = "steps"
        #expect(named == (try Tensor([Int64(1), 2], shape: [2])))
        #expect(named != (try Tensor([Int64(1), 2], shape: [2, 1])))
    }
}
