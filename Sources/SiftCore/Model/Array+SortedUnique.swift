extension Array where Element: Comparable {
    /// Sorts the array and drops repeated elements, in place (no Set: small id lists are made per record).
    mutating func sortAndRemoveDuplicates() {
        sort()
        var kept = 0
        for i in indices where i == 0 || self[i] != self[i - 1] {
            self[kept] = self[i]
            kept += 1
        }
        removeLast(count - kept)
    }
}
