import Testing
@testable import DigitsKit

/// The corners of a region's convex hull: few for a polygon whatever its size, many for a round
/// region.
@Suite struct ConvexOutlineTests {
    /// The outline of the cells of a `size`×`size` grid where `inside(x, y)` holds.
    static func outline(size: Int, inside: (Int, Int) -> Bool) -> ConvexOutline {
        ConvexOutline(rows: size) { y in
            guard let first = (0..<size).first(where: { inside($0, y) }),
                  let last = (0..<size).last(where: { inside($0, y) }) else { return nil }
            return (first, last)
        }
    }

    @Test func aRectangleHasFourCorners() {
        let rectangle = Self.outline(size: 100) { x, y in (10..<80).contains(x) && (20..<60).contains(y) }
        #expect(rectangle.vertices.count == 4)
        #expect(rectangle.corners(tolerance: 1.5) == 4)
    }

    @Test func aTurnedQuadrilateralHasFourCorners() {
        // A rectangle 90 × 60 turned by 20°, about the middle of a 160 grid.
        let (c, s) = (Float(0.9397), Float(0.3420))
        let quadrilateral = Self.outline(size: 160) { x, y in
            let (dx, dy) = (Float(x) + 0.5 - 80, Float(y) + 0.5 - 80)
            return abs(dx * c + dy * s) < 45 && abs(-dx * s + dy * c) < 30
        }
        #expect(quadrilateral.corners(tolerance: 2) == 4)
    }

    @Test func aDiscHasManyCorners() {
        let disc = Self.outline(size: 120) { x, y in
            let (dx, dy) = (Float(x) + 0.5 - 60, Float(y) + 0.5 - 60)
            return dx * dx + dy * dy < 50 * 50
        }
        #expect(disc.corners(tolerance: 2) >= 10)
        // The looser the tolerance, the fewer.
        #expect(disc.corners(tolerance: 8) < disc.corners(tolerance: 2))
    }

    @Test func aSingleCellIsASquare() {
        let cell = Self.outline(size: 5) { x, y in x == 2 && y == 3 }
        #expect(cell.vertices.count == 4 && cell.corners(tolerance: 0.5) == 4)
        // Within a cell of its diagonal, a square is that diagonal.
        #expect(cell.corners(tolerance: 1) == 2)
    }
}
