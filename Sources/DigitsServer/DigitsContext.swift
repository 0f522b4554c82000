import Hummingbird

/// The request context of every route: Hummingbird's core storage with Digits' body limit.
public struct DigitsContext: RequestContext {
    /// A phone photo is 2–8 MB and a canvas PNG a few kB; 20 MB leaves room without letting a
    /// client make the server hold arbitrarily large bodies.
    public static let uploadLimit = 20 * 1024 * 1024

    public var coreContext: CoreRequestContextStorage

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    public var maxUploadSize: Int { Self.uploadLimit }
}
