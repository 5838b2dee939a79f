namespace QuoteExtract.Attribution;

/// <summary>
/// Compares candidate families (<see cref="Candidate.Family"/>) in full, as the tuple's own equality does, but hashes
/// only their token positions: the default hash runs the randomised string hash over the rule name, twice per
/// candidate, and a family's cue and speaker positions already tell nearly all of a document's families apart.
/// </summary>
internal sealed class FamilyComparer : IEqualityComparer<(string Rule, int Cue, int Speaker)>
{
    public static FamilyComparer Instance { get; } = new();

    public bool Equals((string Rule, int Cue, int Speaker) x, (string Rule, int Cue, int Speaker) y) =>
        x.Cue == y.Cue && x.Speaker == y.Speaker && string.Equals(x.Rule, y.Rule, StringComparison.Ordinal);

    public int GetHashCode((string Rule, int Cue, int Speaker) family) => HashCode.Combine(family.Cue, family.Speaker);
}
