/// The integer rounding of a share rule, `needed(t) = ⌈share · t⌉` people for a total of t
/// filled posts, as linear rows: the edges of the lower convex hull of the points
/// (t, needed(t)) over the totals a round can reach.
///
/// For a share of 25 % and totals 253...606 the hull is the line n = t/4 through the multiples
/// of 4, closed at the ends by "n ≥ 64" (253 to 256 posts need 64 women) and by
/// 2n − t ≥ −302 (604 posts need 151, 606 need 152). The middle edge is the share row itself
/// and is left out; the end edges are what the LP relaxation lacked.
public enum ShareHull {
    public struct Point: Sendable, Equatable {
        public var total: Int
        public var needed: Int
    }

    /// The edge from `from` to `to`: every whole plan keeps
    /// run · needed ≥ run · from.needed + rise · (total − from.total).
    public struct Edge: Sendable, Equatable {
        public var from: Point
        public var to: Point
        public var run: Int { to.total - from.total }
        public var rise: Int { to.needed - from.needed }
    }

    static let maximumEdges = 16

    /// People needed for `total` posts, as the verifier counts them (1e-9 absorbs 0.3 · 10 = 3.0000000000000004).
    public static func needed(share: Double, total: Int) -> Int {
        max(0, Int((share * Double(total) - 1e-9).rounded(.up)))
    }

    /// The hull's edges over `totals`, leaving out those that lie on the line n = share · t
    /// (the share row states them already).
    public static func edges(share: Double, totals: ClosedRange<Int>) -> [Edge] {
        guard share > 0, totals.count >= 2 else { return [] }
        // Andrew's monotone chain, lower half; points arrive sorted by total.
        var hull: [Point] = []
        for total in totals {
            let point = Point(total: total, needed: needed(share: share, total: total))
            while hull.count >= 2 {
                let a = hull[hull.count - 2]
                let b = hull[hull.count - 1]
                // Drop b unless a → b → point turns left (counter-clockwise).
                let cross = (b.total - a.total) * (point.needed - a.needed) - (b.needed - a.needed) * (point.total - a.total)
                if cross <= 0 { hull.removeLast() } else { break }
            }
            hull.append(point)
        }
        var edges: [Edge] = []
        for (a, b) in zip(hull, hull.dropFirst()) {
            let onShareLine =
                abs(Double(a.needed) - share * Double(a.total)) < 1e-9 && abs(Double(b.needed) - share * Double(b.total)) < 1e-9
            if !onShareLine { edges.append(Edge(from: a, to: b)) }
        }
        // A share far from a simple fraction (0.333) makes a hull of many short edges; any of
        // them is valid alone. The LP relaxation fills posts, so the edges at the top count.
        return edges.count <= maximumEdges ? edges : Array(edges.suffix(maximumEdges))
    }
}
