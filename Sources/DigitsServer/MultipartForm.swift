import Foundation

/// Just enough of `multipart/form-data` (RFC 7578) to take the uploaded image out of a form:
/// the parts between `--boundary` lines, each with its headers and its bytes.
struct MultipartForm {
    struct Part {
        var name: String?
        var filename: String?
        var bytes: [UInt8]
    }

    let parts: [Part]

    init(contentType: String, body: [UInt8]) throws(APIError) {
        guard let boundary = Self.parameter("boundary", in: contentType), !boundary.isEmpty, boundary.utf8.count <= 70 else {
            throw Self.malformed("the Content-Type has no boundary")
        }
        let delimiter = Array("--\(boundary)".utf8)
        var parts: [Part] = []
        guard var start = body.firstRange(of: delimiter)?.upperBound else { throw Self.malformed("no part starts with --\(boundary)") }
        while true {
            // After a delimiter: "--" ends the form, CRLF starts a part.
            let rest = body[start...]
            if rest.starts(with: Array("--".utf8)) { break }
            guard rest.starts(with: [13, 10]) else { throw Self.malformed("a delimiter is not followed by a line break") }
            let partStart = start + 2
            guard let end = body[partStart...].firstRange(of: [13, 10] + delimiter) else {
                throw Self.malformed("the form is not closed by --\(boundary)--: it may be truncated")
            }
            parts.append(try Self.part(body[partStart..<end.lowerBound]))
            start = end.upperBound
        }
        self.parts = parts
    }

    /// The first part that is a file, or else the one named `image` or `file`.
    func imageFile() throws(APIError) -> (bytes: [UInt8], name: String?) {
        guard let part = parts.first(where: { $0.filename != nil }) ?? parts.first(where: { $0.name == "image" || $0.name == "file" }) else {
            throw APIError(.badRequest, "no image in the form", detail: "the multipart form has no file part (nor a part named image or file)")
        }
        return (part.bytes, part.filename)
    }

    private static func part(_ bytes: ArraySlice<UInt8>) throws(APIError) -> Part {
        guard let split = bytes.firstRange(of: [13, 10, 13, 10]) else { throw malformed("a part has no blank line after its headers") }
        let headers = String(decoding: bytes[bytes.startIndex..<split.lowerBound], as: UTF8.self)
        var part = Part(bytes: Array(bytes[split.upperBound...]))
        for line in headers.split(separator: "\r\n") where line.lowercased().hasPrefix("content-disposition:") {
            part.name = parameter("name", in: String(line))
            part.filename = parameter("filename", in: String(line))
        }
        return part
    }

    /// `key=value` or `key="value"` among the `;`-separated parameters of a header value.
    static func parameter(_ key: String, in header: String) -> String? {
        for field in header.split(separator: ";").dropFirst() {
            let pair = field.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == key else { continue }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }

    private static func malformed(_ detail: String) -> APIError {
        APIError(.badRequest, "malformed multipart form", detail: detail)
    }
}
