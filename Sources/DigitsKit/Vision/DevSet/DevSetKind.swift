/// The kinds of picture in the development set, one named distortion each, so that accuracy can
/// be reported per kind: what users send (canvas drawings, phone photos of paper, scans) and
/// the ways those pictures differ from MNIST.
public enum DevSetKind: String, CaseIterable, Sendable {
    /// A 280×280 web-canvas drawing: black pen on white, nothing else.
    case cleanCanvas = "clean-canvas"
    /// Thin, grey, grainy strokes on paper.
    case pencil
    /// Very thick strokes.
    case marker
    /// Blue ballpoint on white paper.
    case blueInk = "blue-ink"
    /// A strong brightness gradient and a soft shadow across the page.
    case lighting
    /// The page photographed at an angle: perspective and rotation.
    case perspective
    /// Out of focus or shaken: a Gaussian blur of a few percent of the digit's height.
    case blur
    /// Saved at low JPEG quality (block artefacts, ringing).
    case jpeg
    /// Ruled (lined) paper, sometimes with a margin line.
    case ruled
    /// Squared (grid) paper.
    case squared
    /// The digit between neighbours that the frame cuts in part.
    case neighbours
    /// Light ink on a dark ground: a dark-mode canvas, chalk on a board.
    case whiteOnBlack = "white-on-black"
    /// A small digit in a large photo.
    case tinyInLarge = "tiny-in-large"
    /// A string of 3–10 digits: postcodes, phone numbers.
    case multi
    /// The sheet lying on a desk, photographed from further away: a dark or wooden table shows
    /// around it, the sheet at an angle and sometimes cut by the frame.
    case desk
}
