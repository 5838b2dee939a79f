using System.Runtime.CompilerServices;
using QuoteExtract.Matching;

namespace QuoteExtract.Attribution;

/// <summary>
/// What <see cref="AttributionFeatures.Share"/> computes for a candidate: the features that depend only on its
/// <see cref="Key"/> (rule, speaker, cue, category, content start and speaker choice) and the hashes its other
/// features start from. The variants of a family (<see cref="Candidate.Family"/>) differ only in where their content
/// ends, so they share all of it: the scorer computes it, and looks its weights up, once per family.
/// </summary>
internal struct SharedFeatures
{
    /// <summary>Room for the shared features (29 at most today).</summary>
    public const int Capacity = 32;

    /// <summary>The shared features, in the order <see cref="AttributionFeatures.Collect"/> writes them; <see cref="Count"/> are set.</summary>
    public SharedFeatureValues Values;

    public int Count;

    /// <summary>What the shared features depend on.</summary>
    public SharedFeatureKey Key;

    /// <summary>The cue's head token, or −1 without a cue.</summary>
    public int CueHead;

    /// <summary>The kind of speaker (<see cref="AttributionScorer.SpeakerType"/>).</summary>
    public string Speaker;

    /// <summary>Hashes of "rule|", "cue|", "category|" and "stem|", which other features continue.</summary>
    public ulong RuleBar, CueBar, CategoryBar, StemBar;

    /// <summary>The shared features' integer margins under the scorer's first and second stage.</summary>
    public int StageOne, StageTwo;

    /// <summary>The key of a candidate.</summary>
    public static SharedFeatureKey KeyOf(Candidate c) => new(c.Rule, c.Speaker, c.Cue, c.Content.Start, c.Category, c.SpeakerChoice);
}

/// <summary>The shared features' values, inline.</summary>
[InlineArray(SharedFeatures.Capacity)]
internal struct SharedFeatureValues
{
    private ulong _first;
}
