import Foundation
import Testing
@testable import DigitsKit

/// Model files must open in Python's `safetensors` and the other way round (DESIGN.md, "Model
/// files"). Needs `python3` with `safetensors` and `numpy` (scripts/install-test-deps.sh);
/// `DIGITS_SKIP_PYTHON=1` skips these tests where Python cannot be had.
@Suite(.enabled(if: pythonEnabled,
                "DIGITS_SKIP_PYTHON=1"))
struct SafeTensorsInteropTests {
    /// What the Python side reports about a file: per tensor its numpy dtype, shape and values.
    struct PythonView: Decodable {
        struct Entry: Decodable, Equatable {
            let dtype: String
            let shape: [Int]
            let values: [Double]
        }

        let tensors: [String: Entry]
        let metadata: [String: String]?
    }

    @Test func pythonReadsWhatSwiftWrites() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = folder.url.appendingPathComponent("from-swift.safetensors")
        let weights: [Float] = [1.5, -0.25, 3e-5, 0, -0.0, 1e30]
        let steps: [Int32] = [.min, -1, 0, .max]
        let pixels: [UInt8] = [0, 128, 255]
        let metadata = ["kind": "logreg", "hyper": #"{"C":1.0}"#, "note": "é 🙂\nline"]
        try SafeTensorsFile(
            tensors: [
                "weights": Tensor(weights, shape: [2, 3]),
                "steps": Tensor(steps, shape: [4]),
                "pixels": Tensor(pixels, shape: [1, 3]),
            ],
            metadata: metadata
        ).write(to: url)

        let script = """
        import json, sys
        from safetensors import safe_open
        from safetensors.numpy import load_file
        tensors = load_file(sys.argv[1])
        with safe_open(sys.argv[1], framework="numpy") as f:
            metadata = f.metadata()
        print(json.dumps({
            "tensors": {name: {"dtype": str(t.dtype), "shape": list(t.shape), "values": t.ravel().tolist()}
                        for name, t in tensors.items()},
            "metadata": metadata,
        }))
        """
        guard let output = try runPython(script, [url.path]) else { return }
        let view = try JSONDecoder().decode(PythonView.self, from: output)

        #expect(view.metadata == metadata)
        #expect(view.tensors["weights"] == .init(dtype: "float32", shape: [2, 3], values: weights.map(Double.init)))
        #expect(view.tensors["steps"] == .init(dtype: "int32", shape: [4], values: steps.map(Double.init)))
        #expect(view.tensors["pixels"] == .init(dtype: "uint8", shape: [1, 3], values: pixels.map(Double.init)))
        #expect(view.tensors.count == 3)
        // -0.0 == 0.0 for Double; the sign must still be there.
        #expect(view.tensors["weights"]?.values[4].sign == .minus)
    }

    @Test func swiftReadsWhatPythonWrites() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = folder.url.appendingPathComponent("from-python.safetensors")
        let script = """
        import sys
        import numpy as np
        from safetensors.numpy import save_file
        save_file({
            "weights": (np.arange(6, dtype=np.float32) * 0.5 - 1).reshape(2, 3),
            "scale": np.array([0.1, -2.0], dtype=np.float64),
            "children": np.array([-1, 2, 2147483647], dtype=np.int32),
            "counts": np.array([[-9223372036854775808], [5]], dtype=np.int64),
            "labels": np.array([0, 7, 255], dtype=np.uint8),
        }, sys.argv[1], metadata={"kind": "tree", "version": "1"})
        """
        guard try runPython(script, [url.path]) != nil else { return }

        let file = try SafeTensorsFile.read(from: url)
        #expect(file.metadata == ["kind": "tree", "version": "1"])
        let weights = try file.tensor("weights").matrix()
        #expect(weights.rows == 2 && weights.columns == 3)
        #expect(weights.storage == [-1, -0.5, 0, 0.5, 1, 1.5])
        #expect(try file.tensor("scale").doubles() == [0.1, -2.0])
        #expect(try file.tensor("children").int32s() == [-1, 2, .max])
        let counts = try file.tensor("counts")
        #expect(counts.shape == [2, 1])
        #expect(try counts.int64s() == [.min, 5])
        #expect(try file.tensor("labels").bytes() == [0, 7, 255])
        #expect(file.tensors.count == 5)
    }
}
