import Testing
@testable import DigitsKit

/// Hostile and broken files: each must be its own named error, none may crash.
@Suite struct SafeTensorsValidationTests {
    /// A file with `header` (padded to 8 bytes) followed by `dataSize` bytes of data.
    static func file(header: String, dataSize: Int = 0) -> [UInt8] {
        var json = Array(header.utf8)
        json += repeatElement(UInt8(ascii: " "), count: (8 - json.count % 8) % 8)
        return lengthField(UInt64(json.count)) + json + [UInt8](repeating: 0xAB, count: dataSize)
    }

    static func lengthField(_ length: UInt64) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: length >> (8 * $0)) }
    }

    /// A header with one F32 tensor "w" whose fields are spelled out by the caller.
    static func entry(dtype: String = #""F32""#, shape: String = "[2]", offsets: String = "[0,8]") -> String {
        #"{"w":{"dtype":\#(dtype),"shape":\#(shape),"data_offsets":\#(offsets)}}"#
    }

    private func expect(_ bytes: [UInt8], throws expected: SafeTensorsError, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(throws: expected, sourceLocation: sourceLocation) { try SafeTensorsFile(bytes: bytes) }
    }

    @Test func aWellFormedHandWrittenFileReads() throws {
        let read = try SafeTensorsFile(bytes: Self.file(header: Self.entry(), dataSize: 8))
        #expect(read.tensors["w"]?.shape == [2])
    }

    // MARK: Framing

    @Test func fileShorterThanTheLengthField() {
        expect([], throws: .fileTooShort(byteCount: 0))
        expect([8, 0, 0], throws: .fileTooShort(byteCount: 3))
    }

    @Test func headerLengthZero() {
        expect(Self.lengthField(0) + Array("{}".utf8), throws: .emptyHeader)
    }

    @Test func headerLengthOverTheCap() {
        let limit = SafeTensorsFile.headerLimit
        expect(Self.lengthField(UInt64(limit) + 1) + Array("{}".utf8),
               throws: .headerTooLarge(length: UInt64(limit) + 1, limit: limit))
        expect(Self.lengthField(.max), throws: .headerTooLarge(length: .max, limit: limit))
    }

    @Test func headerLengthPastTheEndOfTheFile() {
        var bytes = Self.file(header: Self.entry(), dataSize: 8)
        bytes.replaceSubrange(0..<8, with: Self.lengthField(UInt64(bytes.count)))
        expect(bytes, throws: .headerPastEnd(length: UInt64(bytes.count), available: bytes.count - 8))
    }

    @Test func headerThatIsNotUTF8() {
        var bytes = Self.file(header: #"{"wX":{}}"#)
        bytes[8 + 3] = 0xFF
        expect(bytes, throws: .headerNotUTF8)
    }

    @Test func headerThatIsNotAnObject() {
        expect(Self.file(header: "[1,2]"), throws: .headerNotObject)
        expect(Self.file(header: " {}"), throws: .headerNotObject)
        expect(Self.file(header: #""{}""#), throws: .headerNotObject)
    }

    @Test func headerThatIsNotJSON() throws {
        let error = try #require(throws: SafeTensorsError.self) {
            try SafeTensorsFile(bytes: Self.file(header: #"{"w":{"dtype":"F32""#))
        }
        guard case .headerNotJSON = error else {
            Issue.record("expected .headerNotJSON, got \(error)")
            return
        }
    }

    @Test func headerNestedTooDeeplyIsRejectedNotARecursionCrash() throws {
        let depth = 100_000
        let header = #"{"w":"# + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}"
        let error = try #require(throws: SafeTensorsError.self) {
            try SafeTensorsFile(bytes: Self.file(header: header))
        }
        guard case .headerNotJSON = error else {
            Issue.record("expected .headerNotJSON, got \(error)")
            return
        }
    }

    @Test func longHostileValuesAreCutShortInMessages() throws {
        let shape = "[" + Array(repeating: "-1", count: 10_000).joined(separator: ",") + "]"
        let error = try #require(throws: SafeTensorsError.self) {
            try SafeTensorsFile(bytes: Self.file(header: Self.entry(shape: shape), dataSize: 8))
        }
        #expect(error.description.count < 300)
    }

    // MARK: Entries

    @Test func entryThatIsNotAnObject() {
        expect(Self.file(header: #"{"w":[1,2]}"#), throws: .entryNotObject(tensor: "w"))
    }

    @Test func entryMissingAField() {
        expect(Self.file(header: #"{"w":{"shape":[2],"data_offsets":[0,8]}}"#, dataSize: 8),
               throws: .missingField(tensor: "w", field: "dtype"))
        expect(Self.file(header: #"{"w":{"dtype":"F32","data_offsets":[0,8]}}"#, dataSize: 8),
               throws: .missingField(tensor: "w", field: "shape"))
        expect(Self.file(header: #"{"w":{"dtype":"F32","shape":[2]}}"#, dataSize: 8),
               throws: .missingField(tensor: "w", field: "data_offsets"))
    }

    @Test func unknownDType() {
        expect(Self.file(header: Self.entry(dtype: #""Q7""#), dataSize: 8), throws: .unknownDType(tensor: "w", dtype: #""Q7""#))
        expect(Self.file(header: Self.entry(dtype: "4"), dataSize: 8), throws: .unknownDType(tensor: "w", dtype: "4"))
    }

    @Test(arguments: ["[-2]", "[2.5]", "[2.0]", "[1e1]", "[true]", #"["2"]"#, "[null]", "2", "{}", "[18446744073709551615]"])
    func shapeThatIsNotNonNegativeIntegers(shape: String) throws {
        let error = try #require(throws: SafeTensorsError.self) {
            try SafeTensorsFile(bytes: Self.file(header: Self.entry(shape: shape), dataSize: 8))
        }
        guard case .invalidShape(tensor: "w", _) = error else {
            Issue.record("shape \(shape): expected .invalidShape, got \(error)")
            return
        }
    }

    @Test func shapeWhoseByteCountOverflows() {
        expect(Self.file(header: Self.entry(shape: "[4294967296,4294967296]"), dataSize: 8),
               throws: .elementCountOverflow(tensor: "w", shape: "[4294967296,4294967296]"))
        // Fits in elements, not in bytes.
        expect(Self.file(header: Self.entry(shape: "[4611686018427387904]"), dataSize: 8),
               throws: .elementCountOverflow(tensor: "w", shape: "[4611686018427387904]"))
    }

    @Test(arguments: ["[0]", "[0,8,9]", "[-1,7]", "[0,8.0]", "[0.5,8]", "[false,8]", #""0,8""#, "[0,null]", "[0,18446744073709551615]"])
    func offsetsThatAreNotTwoNonNegativeIntegers(offsets: String) throws {
        let error = try #require(throws: SafeTensorsError.self) {
            try SafeTensorsFile(bytes: Self.file(header: Self.entry(offsets: offsets), dataSize: 8))
        }
        guard case .invalidOffsets(tensor: "w", _) = error else {
            Issue.record("offsets \(offsets): expected .invalidOffsets, got \(error)")
            return
        }
    }

    @Test func offsetsInReverse() {
        expect(Self.file(header: Self.entry(offsets: "[8,0]"), dataSize: 8),
               throws: .offsetsReversed(tensor: "w", begin: 8, end: 0))
    }

    @Test func tensorEndingPastTheData() {
        expect(Self.file(header: Self.entry(), dataSize: 4), throws: .tensorPastEnd(tensor: "w", end: 8, dataSize: 4))
        expect(Self.file(header: Self.entry(shape: "[2305843009213693951]", offsets: "[0,9223372036854775804]"), dataSize: 8),
               throws: .tensorPastEnd(tensor: "w", end: 9_223_372_036_854_775_804, dataSize: 8))
    }

    @Test func byteRangeThatDisagreesWithDTypeAndShape() {
        expect(Self.file(header: Self.entry(offsets: "[0,4]"), dataSize: 4),
               throws: .byteCountMismatch(tensor: "w", dtype: .f32, shape: [2], expected: 8, actual: 4))
        expect(Self.file(header: Self.entry(dtype: #""F64""#), dataSize: 8),
               throws: .byteCountMismatch(tensor: "w", dtype: .f64, shape: [2], expected: 16, actual: 8))
    }

    // MARK: Coverage of the data section

    @Test func overlappingTensors() {
        let header = #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}"#
        expect(Self.file(header: header, dataSize: 12), throws: .tensorsOverlap(first: "a", second: "b"))
        let same = #"{"a":{"dtype":"U8","shape":[4],"data_offsets":[0,4]},"b":{"dtype":"I32","shape":[],"data_offsets":[0,4]}}"#
        expect(Self.file(header: same, dataSize: 4), throws: .tensorsOverlap(first: "a", second: "b"))
    }

    @Test func gapBetweenTensors() {
        let header = #"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"b":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}}"#
        expect(Self.file(header: header, dataSize: 12), throws: .gapBeforeTensor(tensor: "b", from: 4, to: 8))
        expect(Self.file(header: Self.entry(offsets: "[4,12]"), dataSize: 12), throws: .gapBeforeTensor(tensor: "w", from: 0, to: 4))
    }

    @Test func bytesAfterTheLastTensor() {
        expect(Self.file(header: Self.entry(), dataSize: 9), throws: .trailingBytes(from: 8, dataSize: 9))
        expect(Self.file(header: "{}", dataSize: 3), throws: .trailingBytes(from: 0, dataSize: 3))
    }

    @Test func metadataThatIsNotStringToString() {
        expect(Self.file(header: #"{"__metadata__":{"ok":"yes","epochs":3}}"#), throws: .invalidMetadata(key: "epochs"))
        expect(Self.file(header: #"{"__metadata__":{"flag":true}}"#), throws: .invalidMetadata(key: "flag"))
        expect(Self.file(header: #"{"__metadata__":["a"]}"#), throws: .invalidMetadata(key: nil))
    }

    // MARK: Damage anywhere

    @Test func everyTruncationIsAnError() throws {
        let bytes = try SafeTensorsFileTests.sample().serialized()
        for cut in 0..<bytes.count {
            #expect(throws: SafeTensorsError.self, "cut at \(cut)") {
                try SafeTensorsFile(bytes: Array(bytes.prefix(cut)))
            }
        }
    }

    /// Flipping any bit of the length field or header gives an error or a file that still checks
    /// out (a flipped letter in a name); the point is that nothing crashes.
    @Test func everyBitFlipInTheHeaderIsHandled() throws {
        let bytes = try SafeTensorsFileTests.sample().serialized()
        let headerEnd = 8 + Int(bytes[0]) + Int(bytes[1]) << 8
        for position in 0..<headerEnd {
            for bit in 0..<8 {
                var damaged = bytes
                damaged[position] ^= 1 << bit
                if let read = try? SafeTensorsFile(bytes: damaged) {
                    #expect(read.tensors.count == 4, "flip at \(position).\(bit)")
                }
            }
        }
    }

    @Test func messagesSayWhatToDo() {
        let truncated = SafeTensorsError.inFile(path: "model.safetensors",
                                                .tensorPastEnd(tensor: "classifier.weights", end: 4096, dataSize: 1024))
        #expect(truncated.description == "model.safetensors: tensor 'classifier.weights' ends at byte 4096 but the data section has 1024 bytes — the file is truncated")
        #expect(SafeTensorsError.invalidMetadata(key: "epochs").description
            == "__metadata__ entry 'epochs' is not a string; metadata values must be strings")
    }
}
