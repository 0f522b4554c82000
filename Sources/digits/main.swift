import DigitsCLI

await Digits.runAsync()
