import Foundation
import Hummingbird

/// Each browser session chooses its model through a cookie holding the model's name, so one
/// visitor's choice never changes another's and the server keeps no session state.
extension ModelLibrary {
    static let sessionCookie = "digits_model"

    /// The model this request's session chose, or the default when it chose none or its choice
    /// has since disappeared from the folder.
    func sessionModelName(_ request: Request) -> String {
        sessionModel(request).name
    }

    /// The session's model name with its file, checked against the folder once.
    func sessionModel(_ request: Request) -> (name: String, url: URL) {
        guard let name = request.cookies[Self.sessionCookie]?.value, let url = try? url(forName: name) else {
            return (defaultName, defaultModel)
        }
        return (name, url)
    }

    func sessionCookie(choosing name: String) -> Cookie {
        Cookie(name: Self.sessionCookie, value: name, path: "/", httpOnly: true, sameSite: .strict)
    }
}
