import Foundation
import Hummingbird

/// The app's pages. Each page is a fragment in `Templates/pages/NAME.html` (its `<main>`), wrapped
/// on the server in `Templates/layout.html`, which holds the head, the navigation and the shared
/// model picker: one copy of the chrome, and no layout jump from building it in the browser.
enum Page: String, CaseIterable, Sendable {
    case draw, upload, camera, models, train, explore, feedback

    var path: String { self == .draw ? "/" : "/\(rawValue)" }

    var title: String {
        switch self {
        case .draw: "Draw"
        case .upload: "Upload"
        case .camera: "Camera"
        case .models: "Models"
        case .train: "Train"
        case .explore: "Explore"
        case .feedback: "Feedback"
        }
    }

    /// What the browser tab says.
    var heading: String {
        switch self {
        case .draw: "draw a digit"
        case .upload: "read photos and scans"
        case .camera: "read digits through the camera"
        case .models: "the models"
        case .train: "train a model"
        case .explore: "explore MNIST"
        case .feedback: "corrected samples"
        }
    }
}

/// Errors in the page files: they ship inside the executable's bundle, so any of these is a
/// packaging mistake, reported when the server starts rather than on the first visit.
struct PageTemplateError: Error, CustomStringConvertible {
    var description: String
}

/// Every page rendered once at start-up; serving one is a lookup.
struct PagesController: Sendable {
    let rendered: [Page: String]

    init(templates: URL) throws {
        let layout = try Self.read(templates.appendingPathComponent("layout.html"))
        var rendered: [Page: String] = [:]
        for page in Page.allCases {
            let content = try Self.read(templates.appendingPathComponent("pages/\(page.rawValue).html"))
            rendered[page] = layout
                .replacingOccurrences(of: "{{title}}", with: "Digits — \(page.heading)")
                .replacingOccurrences(of: "{{nav}}", with: Self.navigation(current: page))
                .replacingOccurrences(of: "{{script}}", with: "/\(page.rawValue).js")
                .replacingOccurrences(of: "{{content}}", with: content)
        }
        self.rendered = rendered
    }

    private static func read(_ url: URL) throws -> String {
        do {
            return try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw PageTemplateError(description: "cannot read the page file \(url.path): \(error.localizedDescription)")
        }
    }

    private static func navigation(current: Page) -> String {
        Page.allCases.map { page in
            let marker = page == current ? " aria-current=\"page\"" : ""
            return "<a href=\"\(page.path)\"\(marker)>\(page.title)</a>"
        }.joined()
    }

    var endpoints: RouteCollection<DigitsContext> {
        let routes = RouteCollection(context: DigitsContext.self)
        for page in Page.allCases {
            let html = rendered[page] ?? ""
            routes.get(RouterPath(page.path)) { _, _ in
                Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                         body: .init(byteBuffer: ByteBuffer(string: html)))
            }
        }
        return routes
    }
}
