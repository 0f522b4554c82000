import Foundation
import Testing

/// Runs `script` with `python3`, passing `arguments`; returns its standard output, or records
/// why it could not (with the fix) and returns nil.
func runPython(_ script: String, _ arguments: [String]) throws -> Data? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script] + arguments
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    do {
        try process.run()
    } catch {
        Issue.record("cannot run python3 (\(error)); run scripts/install-test-deps.sh or set DIGITS_SKIP_PYTHON=1")
        return nil
    }
    let stdout = output.fileHandleForReading.readDataToEndOfFile()
    let stderr = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        let message = String(decoding: stderr, as: UTF8.self)
        let hint = message.contains("No module named") || process.terminationStatus == 127
            ? "python3 or its safetensors/numpy packages are missing: run scripts/install-test-deps.sh (or set DIGITS_SKIP_PYTHON=1)"
            : "the Python side failed"
        Issue.record("\(hint)\n\(message)")
        return nil
    }
    return stdout
}

/// Python cross-checks run unless `DIGITS_SKIP_PYTHON=1`.
let pythonEnabled = ProcessInfo.processInfo.environment["DIGITS_SKIP_PYTHON"] != "1"
