/// The CSV layout of MNIST that one student report used: an image file with 784 comma-separated
/// grey levels (0–255) per line and a label file with one digit per line, no header, in the same
/// order. A trailing newline and CRLF line ends are accepted; spaces around a number are ignored.
public enum MNISTCSV {
    /// The pixels of the image file, image after image.
    public static func images(from bytes: [UInt8], file: String) throws(MNISTDataError) -> [UInt8] {
        try parse(bytes, file: file, columns: Dataset.featureCount, maximum: 255)
    }

    /// The labels of the label file.
    public static func labels(from bytes: [UInt8], file: String) throws(MNISTDataError) -> [UInt8] {
        try parse(bytes, file: file, columns: 1, maximum: Dataset.classCount - 1)
    }

    private static let comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
    private static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), zero = UInt8(ascii: "0")

    /// One pass over the bytes into a buffer sized from the line count up front, so no cell is
    /// appended one by one; `maximum` is the largest value a cell may hold.
    private static func parse(_ bytes: [UInt8], file: String, columns: Int, maximum: Int) throws(MNISTDataError) -> [UInt8] {
        try bytes.withUnsafeBufferPointer { (input) throws(MNISTDataError) -> [UInt8] in
            // Blank lines at the very end (a trailing newline, CRLF, editors' extra lines) carry no row.
            var end = input.count
            while end > 0, [newline, carriageReturn, space, tab].contains(input[end - 1]) { end -= 1 }
            guard end > 0 else { throw .emptyFile(file: file) }
            var rows = 1
            for i in 0..<end where input[i] == newline { rows += 1 }

            var output = [UInt8](repeating: 0, count: rows * columns)
            try output.withUnsafeMutableBufferPointer { (cells) throws(MNISTDataError) in
                var position = 0, line = 1, column = 0, written = 0
                while position < end {
                    // One cell: optional blanks, digits, optional blanks, then a comma or a line end.
                    column += 1
                    while position < end, input[position] == space || input[position] == tab { position += 1 }
                    let start = position
                    var value = 0
                    while position < end, input[position] &- zero < 10 {
                        // Saturate: past 999 the exact value no longer matters for the error.
                        value = min(value * 10 + Int(input[position] &- zero), 1000)
                        position += 1
                    }
                    let digitsEnd = position
                    while position < end, input[position] == space || input[position] == tab { position += 1 }
                    let terminator = position < end ? input[position] : newline
                    let endsLine = terminator == newline || terminator == carriageReturn
                    if digitsEnd == start, column == 1, endsLine {
                        throw .csvColumnCount(file: file, line: line, found: 0, expected: columns)
                    }
                    guard digitsEnd > start, terminator == comma || endsLine else {
                        throw .csvNotANumber(file: file, line: line, column: column, text: cellText(input, from: start, end: end))
                    }
                    guard value <= maximum else {
                        throw .csvValueOutOfRange(file: file, line: line, column: column, value: value, maximum: maximum)
                    }
                    if column <= columns { cells[written + column - 1] = UInt8(value) }
                    position += 1
                    if terminator == comma { continue }
                    if terminator == carriageReturn {
                        guard position >= end || input[position] == newline else {
                            throw .csvNotANumber(file: file, line: line, column: column, text: cellText(input, from: start, end: end))
                        }
                        position += 1
                    }
                    guard column == columns else {
                        throw .csvColumnCount(file: file, line: line, found: column, expected: columns)
                    }
                    written += columns
                    line += 1
                    column = 0
                }
                // A comma right before the end of the data leaves one more, empty cell.
                if column > 0 {
                    throw .csvNotANumber(file: file, line: line, column: column + 1, text: "")
                }
            }
            return output
        }
    }

    /// The text of a bad cell for the error message, up to the next separator and at most 20 bytes.
    private static func cellText(_ input: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> String {
        var stop = start
        while stop < end, stop - start < 20, ![comma, newline, carriageReturn].contains(input[stop]) { stop += 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: input[start..<stop]), as: UTF8.self)
    }
}
