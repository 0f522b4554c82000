import Foundation

/// One self-contained HTML page (inline CSS and SVG, no scripts, no network) that follows the
/// reader's light or dark theme: `digits report`.
public struct HTMLReport: Sendable {
    public var title: String
    private var sections: [String] = []

    public init(title: String) {
        self.title = title
    }

    /// Adds a section with a heading; `body` is HTML (charts are inline SVG).
    public mutating func section(_ heading: String, id: String, _ body: String) {
        sections.append("<section id=\"\(Self.escape(id))\"><h2>\(Self.escape(heading))</h2>\n\(body)\n</section>")
    }

    public func render(generated: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="color-scheme" content="light dark">
        <title>\(Self.escape(title))</title>
        <style>\(Self.css)</style></head>
        <body><header><h1>\(Self.escape(title))</h1><p class="muted">\(Self.escape(generated))</p></header>
        <main>
        \(sections.joined(separator: "\n"))
        </main></body></html>
        """
    }

    /// A table; `numeric` columns are right-aligned. Cells are escaped.
    public static func table(_ header: [String]?, _ rows: [[String]], numeric: Set<Int> = []) -> String {
        func cells(_ row: [String], tag: String) -> String {
            row.enumerated().map { column, cell in
                "<\(tag)\(numeric.contains(column) ? " class=\"num\"" : "")>\(escape(cell))</\(tag)>"
            }.joined()
        }
        return "<table>" + (header.map { "<thead><tr>\(cells($0, tag: "th"))</tr></thead>" } ?? "") + "<tbody>"
            + rows.map { "<tr>\(cells($0, tag: "td"))</tr>" }.joined() + "</tbody></table>"
    }

    /// Charts side by side when there is room.
    public static func figures(_ svgs: [String]) -> String {
        "<div class=\"figures\">" + svgs.map { "<figure>\($0)</figure>" }.joined() + "</div>"
    }

    public static func paragraph(_ text: String) -> String { "<p>\(escape(text))</p>" }

    public static func escape(_ text: String) -> String { SVG.escape(text) }

    private static let css = """
    :root{--bg:#ffffff;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--accent:#0969da;--stripe:#f6f8fa}
    @media (prefers-color-scheme: dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--accent:#4493f8;--stripe:#151b23}}
    *{box-sizing:border-box}
    body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif}
    header,main{max-width:1240px;margin:0 auto;padding:0 24px}
    header{padding-top:24px;border-bottom:1px solid var(--line)}
    h1{font-size:28px;margin:0 0 4px}h2{font-size:21px;margin:32px 0 12px;padding-bottom:4px;border-bottom:1px solid var(--line)}
    h3{font-size:17px;margin:24px 0 8px}
    .muted{color:var(--muted)}
    svg.digits-chart{color:var(--fg);max-width:100%;height:auto}
    .figures{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}
    figure{margin:0}
    table{border-collapse:collapse;margin:8px 0 16px;font-variant-numeric:tabular-nums}
    th,td{padding:4px 12px;border-bottom:1px solid var(--line);text-align:left}
    th{font-weight:600}td.num,th.num{text-align:right}
    tbody tr:nth-child(even){background:var(--stripe)}
    pre{background:var(--stripe);padding:12px;overflow-x:auto;border-radius:6px}
    """
}
