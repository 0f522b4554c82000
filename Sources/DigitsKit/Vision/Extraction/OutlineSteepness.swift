/// How sharply a group's outline steps from its ink to the ground around it. A digit's outline is
/// an edge: a pen's, or a light digit's, which blur spreads over a few pixels at most. A patch of
/// paper that a flash or a lamp lit amid a darker picture, read inverted as a light "digit", has
/// a slope for an outline: the light falls off over much of the patch's own size.
extension DigitGroup {
    /// At or above this steepness an outline is an edge. The fat light digits cropped close of
    /// `scripts/bench/cropped-digits.py` whose holes the hole rule weighs (MNIST digits enlarged
    /// 12 times, so their edges are soft) measured 0.27–0.35, the patches that
    /// `scripts/bench/flash-photos.py` lights in a dark room 0.09–0.13. Of about 2300 light digits
    /// read first in the white-on-black probes, one measured under it (0.155); its upright page
    /// holds no digit inside it, so it keeps its reading.
    static let edgeSteepness: Float = 0.2

    /// Outline samples are this share of the group's longer side apart, so that the measure is the
    /// same at any size.
    static let steepnessReach = 40

    /// The median, over the group's outer outline (not its holes'), of the step in grey from an
    /// outline pixel to the ground a fortieth of the group's longer side beyond it, as a share of
    /// the group's contrast with the ground in its box (medians of the two). `page` has the group
    /// dark on a light ground and `labels` are its components; an outline with no ground beyond
    /// it counts as an edge.
    func outlineSteepness(labels: [Int32], page: GrayImage) -> Float {
        let steps = outlineSteps(labels: labels, page: page)
        return steps.isEmpty ? .infinity : steps[steps.count / 2]
    }

    /// Whether the outline is a slope: its median step is under `edgeSteepness`, or at least
    /// `slopeShare` of its steps are under `slopeStep`. A lamp's pool of light whose rim the
    /// frame or the digit inside it cuts has the digit's sharp edges for much of its outline, and
    /// its median can pass for an edge's.
    func hasSlopingOutline(labels: [Int32], page: GrayImage) -> Bool {
        let steps = outlineSteps(labels: labels, page: page)
        guard !steps.isEmpty else { return false }
        let gentle = steps.prefix { $0 < Self.slopeStep }.count
        return steps[steps.count / 2] < Self.edgeSteepness || Float(gentle) >= Self.slopeShare * Float(steps.count)
    }

    /// A step under this share of the contrast is a slope's.
    static let slopeStep: Float = 0.15

    /// An outline with at least this share of slope's steps is a slope. Of the 163 pools of
    /// light read first in `scripts/bench/flash-photos.py` seeds 1–2 (desk-lamp), 157 had 0.3 or
    /// more. Of the 3584 light digits read first in the other labelled probes and development
    /// sets (shadow photos aside: their light "digits" are lit paper too), none reached 0.24
    /// but two: a dark 0 under a shadow, which the upright reading gets right, and a white 4
    /// already read as 1.
    static let slopeShare: Float = 0.3

    /// Whether the group, read upright inside a light "digit" whose outline is a slope, is that
    /// digit's hole rather than ink on a lit patch of paper: a blob (the widest disc inside it
    /// has a radius of `holeRadiusShare` of its longer side or more) whose own outline is a slope
    /// too (steepness under `blurredHoleSteepness`), away from the frame. A light digit drawn with
    /// a soft brush, or blurred, or a small picture enlarged, has a sloping outline like a lamp's
    /// pool of light, but its holes are as soft as its outline and round; the ink in a pool is pen
    /// strokes with a pen's edge. The dark room in a corner beyond the pool is soft and round
    /// too, but no hole: the frame cuts it.
    func isBlurredHole(labels: [Int32], page: GrayImage) -> Bool {
        !touchesBorder
            && isSolidRegion(labels: labels, width: page.width, share: Self.holeRadiusShare)
            && outlineSteepness(labels: labels, page: page) < Self.blurredHoleSteepness
    }

    /// Where the lit-patch rule weighed an upright digit in a pool of light or a shadow's lit
    /// paper in `--single` (`scripts/bench/flash-photos.py` seeds 1–2, `desk-lamp`;
    /// `shaded-photos.py`; the development sets: 129 pictures), its radius share reached 0.172
    /// and its steepness was 0.17 or more, and 0.22 or more where the share was 0.15 or more. Of
    /// 115 light digits with soft edges the rule weighed (MNIST test digits drawn with a round pen
    /// and blurred by 4–9 % of their height, or shrunk to 14–20 px and enlarged), 90 had holes
    /// that were both; it had misread 83 of those. In the default mode the dark room in a corner
    /// beyond a pool was such a blob in three desk-lamp photos; away from the frame, no picture
    /// of the 178 labelled folders changed in either mode (BENCHMARKS.md, "Thirty-first
    /// session"). A light "digit" read first that is such a blob, sharp-edged or not, may be the
    /// lit paper in a dark digit's closed loop: `DigitExtractor` then reads the page upright too.
    static let holeRadiusShare: Float = 0.15
    static let blurredHoleSteepness: Float = 0.22

    /// The steps of `outlineSteepness`, each as a share of the contrast, in increasing order.
    private func outlineSteps(labels: [Int32], page: GrayImage) -> [Float] {
        let isMember = memberLabels()
        // The group with its holes, over its box: the outline of a hole is that of whatever lies
        // in it (the dark digit inside a lit patch), not the group's.
        let filled = GridFlood.enclosed(by: (0..<(width * height)).map { j in
            isMember(labels[(minY + j / width) * page.width + minX + j % width])
        }, width: width, height: height)
        let reach = max(2, max(width, height) / Self.steepnessReach)
        var steps: [Float] = [], inside = GreyLevels(), around = GreyLevels()
        for y in minY...maxY {
            for x in minX...maxX {
                let i = y * page.width + x
                guard isMember(labels[i]) else {
                    around.add(page.pixels[i])
                    continue
                }
                inside.add(page.pixels[i])
                for (dx, dy) in [(1, 0), (-1, 0), (0, 1), (0, -1)] {
                    let (nx, ny) = (x + dx, y + dy), (fx, fy) = (x + dx * reach, y + dy * reach)
                    guard nx >= 0, ny >= 0, nx < page.width, ny < page.height, !isMember(labels[ny * page.width + nx]),
                          nx < minX || nx > maxX || ny < minY || ny > maxY || !filled[(ny - minY) * width + nx - minX],
                          fx >= 0, fy >= 0, fx < page.width, fy < page.height, labels[fy * page.width + fx] == 0 else { continue }
                    steps.append(page.pixels[fy * page.width + fx] - page.pixels[i])
                }
            }
        }
        guard !steps.isEmpty, around.count > 0 else { return [] }
        let contrast = max(1 / 255, Float(Int(around.percentile(0.5)) - Int(inside.percentile(0.5))) / 255)
        return steps.map { $0 / contrast }.sorted()
    }
}
