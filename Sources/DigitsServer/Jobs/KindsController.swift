import DigitsKit
import Hummingbird

/// `GET /api/kinds`: every model kind with its family and its hyper-parameters (defaults,
/// ranges, help), from which the Train page builds its form.
struct KindsController {
    struct Kind: Encodable, Sendable {
        var name: String
        var family: String
        var summary: String
        /// The parameter the Train page's "epochs" field sets; nil for kinds not trained in epochs.
        var epochsParameter: String?
        var parameters: [ParameterField]

        enum CodingKeys: String, CodingKey {
            case name, family, summary, epochsParameter = "epochs_parameter", parameters
        }
    }

    struct KindList: ResponseEncodable, Sendable {
        var kinds: [Kind]
        /// Whether the server can train (it found MNIST).
        var training: Bool
    }

    let kinds: KindList

    init(trainingAvailable: Bool) {
        kinds = KindList(kinds: ModelKind.allCases.map { kind in
            Kind(name: kind.rawValue, family: kind.family, summary: kind.summary,
                 epochsParameter: kind.epochsParameter, parameters: kind.parameterFields)
        }, training: trainingAvailable)
    }

    var endpoints: RouteCollection<DigitsContext> {
        let kinds = kinds
        return RouteCollection(context: DigitsContext.self)
            .get("kinds") { _, _ in kinds }
    }
}
