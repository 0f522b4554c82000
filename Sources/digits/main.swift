import DigitsCLI

await Digits.main()
