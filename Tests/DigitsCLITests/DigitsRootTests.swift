import Testing
import DigitsCLI

@Suite struct DigitsRootTests {
    @Test func rootCommandIsNamedDigits() {
        #expect(Digits.configuration.commandName == "digits")
    }
}
