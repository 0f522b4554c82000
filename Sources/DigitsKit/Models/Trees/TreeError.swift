/// Trees that cannot be grown from the given data, or read back from a damaged file.
public enum TreeError: Error, Equatable, CustomStringConvertible {
    case nonFiniteFeature(row: Int, column: Int)
    case badTree(file: String, detail: String)

    public var description: String {
        switch self {
        case let .nonFiniteFeature(row, column):
            return "feature \(column) of training row \(row) is not a finite number; trees split on ordered values"
        case let .badTree(file, detail):
            return "\(file): the stored trees are damaged: \(detail); retrain the model or restore the file"
        }
    }
}
