/// Grey-level dilation and erosion by a near-disc (alternating 3×3 square and cross steps give
/// an octagon), used to thicken or thin strokes toward MNIST's width. Only for small crops.
extension GrayImage {
    func grown(_ radius: Int) -> GrayImage { morphed(radius, max) }
    func shrunk(_ radius: Int) -> GrayImage { morphed(radius, min) }

    /// The image in the middle of an empty frame `margin` pixels wide, room for strokes to grow.
    func padded(by margin: Int) -> GrayImage {
        var framed = GrayImage(width: width + 2 * margin, height: height + 2 * margin)
        for y in 0..<height {
            for x in 0..<width { framed[x + margin, y + margin] = self[x, y] }
        }
        return framed
    }

    private func morphed(_ radius: Int, _ combine: (Float, Float) -> Float) -> GrayImage {
        var current = self
        for step in 0..<radius {
            let square = step % 2 == 0
            var next = current
            for y in 0..<height {
                for x in 0..<width {
                    var value = current[x, y]
                    for dy in -1...1 {
                        for dx in -1...1 where (square || dx == 0 || dy == 0) && (dx != 0 || dy != 0) {
                            let nx = x + dx, ny = y + dy
                            // Outside the crop is paper: empty ink.
                            let other: Float = nx >= 0 && ny >= 0 && nx < width && ny < height ? current[nx, ny] : 0
                            value = combine(value, other)
                        }
                    }
                    next[x, y] = value
                }
            }
            current = next
        }
        return current
    }
}
