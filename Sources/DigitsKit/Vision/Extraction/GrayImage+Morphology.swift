/// Grey-level dilation and erosion by a near-disc (alternating 3×3 square and cross steps give
/// an octagon), used to thicken or thin strokes toward MNIST's width. Only for small crops.
extension GrayImage {
    func grown(_ radius: Int) -> GrayImage { morphed(radius, max) }
    func shrunk(_ radius: Int) -> GrayImage { morphed(radius, min) }

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
