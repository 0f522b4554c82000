import Foundation

/// The `pca-svc` pipeline: pixels/255 → PCA → SVC, the student app's model, with its own
/// defaults (chosen on a validation split, see below) and one extra knob, `nComponents`.
enum PCASVCDefaults {
    /// PCA keeps this many components (a count) or this share of the variance (a ratio).
    static let components = PCA.Components.varianceRatio(0.95)
    /// SVC assignments applied before the user's.
    static let svcAssignments = ["C=5"]

    static func makePipeline(_ assignments: [String]) throws(ParameterError) -> Pipeline {
        var components = Self.components
        var svcAssignments = Self.svcAssignments
        for assignment in assignments {
            let parts = assignment.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, parts[0] == "nComponents" else {
                svcAssignments.append(assignment)
                continue
            }
            guard let parsed = PCA.Components(parts[1]) else {
                throw ParameterError.invalid(model: "PCA", name: "nComponents",
                                             expected: "an int in [1, ∞) or a float in (0, 1)", got: "'\(parts[1])'")
            }
            components = parsed
        }
        let parameters: SVC.Parameters
        do {
            parameters = try SVC.Parameters.parse(svcAssignments)
        } catch {
            // The pipeline's own knob belongs in the list of what may be set.
            guard case let .unknown(model, name, suggestion, known) = error else { throw error }
            let nearComponents = editDistance(name.lowercased(), "ncomponents") <= 2
            throw ParameterError.unknown(model: model, name: name, suggestion: nearComponents ? "nComponents" : suggestion,
                                         known: ["nComponents"] + known)
        }
        return Pipeline(transforms: [PixelScaler(), PCA(components: components)], classifier: SVC(parameters: parameters))
    }
}
