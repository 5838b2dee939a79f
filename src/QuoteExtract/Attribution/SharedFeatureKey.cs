using QuoteExtract.Matching;

namespace QuoteExtract.Attribution;

/// <summary>Everything <see cref="AttributionFeatures.Share"/> reads of a candidate.</summary>
internal readonly record struct SharedFeatureKey(string Rule, TokenRange Speaker, TokenRange Cue, int ContentStart, QuoteCategory Category, string SpeakerChoice)
{
    /// <summary>Compares keys in full but hashes only their token positions: rule names are long, and rarely the only difference.</summary>
    public static IEqualityComparer<SharedFeatureKey> Comparer { get; } = new PositionComparer();

    private sealed class PositionComparer : IEqualityComparer<SharedFeatureKey>
    {
        public bool Equals(SharedFeatureKey x, SharedFeatureKey y) => x == y;

        public int GetHashCode(SharedFeatureKey key) => HashCode.Combine(key.Cue.Start, key.Speaker.Start, key.ContentStart);
    }
}
