import Foundation

/// One hyper-parameter as a form shows it: what the web app's Train page needs to build an
/// input with the kind's default filled in and its range stated, from the same `specs` that
/// `digits train --param` is checked against (so the form can never offer what parsing refuses).
public struct ParameterField: Sendable, Encodable, Equatable {
    /// "real", "integer", "choice", "boolean", "text" or "choiceOrReal".
    public var type: String
    public var name: String
    /// The kind's default as `--param` text.
    public var value: String
    /// "a float in (0, ∞)", as the error messages say it.
    public var expectation: String
    public var help: String
    public var min: Double?
    public var max: Double?
    public var choices: [String]?
}

extension ModelKind {
    /// The families the Train page groups kinds into.
    public var family: String {
        switch self {
        case .logreg, .sgd: "Linear"
        case .knn: "Neighbours"
        case .tree, .forest, .extratrees: "Trees"
        case .svc, .pcaSVC: "Support vector machines"
        case .mlp, .mlp6416, .mlp6432, .mlp512: "Dense networks"
        case .cnn, .cnn32f, .cnn3216f, .cnn3216x3f, .cnnA, .cnnB, .cnnFlagship, .cnnQuick, .cnnWide: "Convolutional networks"
        }
    }

    /// Every hyper-parameter of this kind with its default, in the order `--help` lists them.
    public var parameterFields: [ParameterField] {
        let parameters = defaultParameters
        let defaults = try? JSONValue(encoding: parameters)
        var fields: [ParameterField] = []
        if self == .pcaSVC {
            fields.append(ParameterField(
                type: "real", name: "nComponents", value: PCASVCDefaults.components.description,
                expectation: PCASVCDefaults.componentsExpectation, help: PCASVCDefaults.componentsHelp, min: 0))
        }
        return fields + type(of: parameters).specs.map { spec in
            var field = ParameterField(type: "text", name: spec.name, value: defaults?[spec.name]?.text ?? "",
                                       expectation: spec.expectation, help: spec.help)
            switch spec.domain {
            case let .real(min, max, _, _):
                (field.type, field.min, field.max) = ("real", min, max)
            case let .integer(min, max):
                (field.type, field.min, field.max) = ("integer", Double(min), max.map(Double.init))
            case let .choice(words):
                (field.type, field.choices) = ("choice", words)
            case .boolean:
                field.type = "boolean"
            case .text:
                field.type = "text"
            case let .choiceOrReal(words, min, _):
                (field.type, field.choices, field.min) = ("choiceOrReal", words, min)
            }
            return field
        }
    }
}
