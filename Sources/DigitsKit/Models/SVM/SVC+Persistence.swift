extension SVC: PersistentComponent {
    public var configuration: JSONValue { (try? JSONValue(encoding: parameters)) ?? .null }

    public func stateTensors() throws -> [String: Tensor] {
        guard let fitted else { throw ClassifierError.notFitted(kind: Self.kind) }
        let expansion = fitted.expansion
        let pairCount = expansion.intercepts.count
        var tensors = [
            "support_vectors": Tensor(expansion.supportVectors),
            "dual_coef": Tensor(expansion.coefficients),
            "intercepts": try Tensor(expansion.intercepts, shape: [pairCount]),
            "classes": try Tensor(classes.map { Int32($0) }, shape: [classes.count]),
            "support_classes": try Tensor(supportClasses.map { Int32($0) }, shape: [supportClasses.count]),
            "gamma": try Tensor([gamma], shape: [1]),
        ]
        if parameters.probability {
            tensors["platt_a"] = try Tensor(fitted.plattA, shape: [pairCount])
            tensors["platt_b"] = try Tensor(fitted.plattB, shape: [pairCount])
        }
        return tensors
    }

    public static func restore(configuration: JSONValue, state: StoredState) throws -> SVC {
        func invalid(_ detail: String) -> ModelFileError {
            .badConfiguration(file: state.file, kind: kind, detail: detail)
        }
        let parameters: Parameters
        do {
            parameters = try configuration.decode(as: Parameters.self)
            try parameters.validate()
        } catch {
            throw invalid("\(error)")
        }
        let classes = try state.tensor("classes", shape: [nil]).int32s().map(Int.init)
        guard classes.count >= 2, classes.allSatisfy({ (0..<Dataset.classCount).contains($0) }),
              zip(classes, classes.dropFirst()).allSatisfy({ $0 < $1 })
        else { throw invalid("'classes' must hold at least two different digits in ascending order, got \(classes)") }
        let pairCount = classes.count * (classes.count - 1) / 2
        let supportVectors = try state.matrix("support_vectors", shape: [nil, nil])
        let coefficients = try state.matrix("dual_coef", shape: [supportVectors.rows, pairCount])
        let intercepts = try state.floats("intercepts", shape: [pairCount])
        let supportClasses = try state.tensor("support_classes", shape: [supportVectors.rows]).int32s().map(Int.init)
        guard supportClasses.allSatisfy(classes.contains) else {
            throw invalid("'support_classes' names a digit outside 'classes' \(classes)")
        }
        let gamma = try state.floats("gamma", shape: [1])[0]
        guard gamma.isFinite, gamma > 0 else { throw invalid("gamma must be a positive number, got \(gamma)") }
        let plattA = parameters.probability ? try state.floats("platt_a", shape: [pairCount]) : []
        let plattB = parameters.probability ? try state.floats("platt_b", shape: [pairCount]) : []
        guard let kernelKind = SVMKernel.Kind(rawValue: parameters.kernel) else { throw invalid("unknown kernel") }
        let kernel = SVMKernel(kind: kernelKind, gamma: gamma, degree: parameters.degree, coef0: Float(parameters.coef0))
        return SVC(parameters: parameters, fitted: Fitted(
            classes: classes, supportClasses: supportClasses, gamma: gamma, plattA: plattA, plattB: plattB,
            expansion: KernelExpansion(supportVectors: supportVectors, coefficients: coefficients,
                                       intercepts: intercepts, kernel: kernel)))
    }
}
