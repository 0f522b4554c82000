import Testing
@testable import DigitsCLI
