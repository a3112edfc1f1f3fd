extension Double {
    /// `rounded()` (half away from zero) as an integer, without libm's `round` (18–35 instructions a call, several
    /// times a line of `sift sentiment -`); nil from 2^52 in magnitude on (and for NaN), where the caller rounds with
    /// `rounded()`. Below 2^52 the fraction left after truncating is exact, so the result is `rounded()`'s.
    @inlinable @inline(__always)
    public var roundedHalfAwayInteger: Int? {
        guard magnitude < 0x1p52 else { return nil }
        var whole = Int(self)
        let fraction = self - Double(whole)
        // |whole| < 2^52: the step below cannot overflow.
        if fraction >= 0.5 { whole &+= 1 } else if fraction <= -0.5 { whole &-= 1 }
        return whole
    }
}
