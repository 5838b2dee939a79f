namespace QuoteExtract.Resolution;

/// <summary>The entity one speaker mention resolves to, and how sure the resolver is.</summary>
/// <param name="Entity">The document entity, or null when unresolved.</param>
/// <param name="Confidence">Resolution confidence in [0, 1]; 0 when unresolved.</param>
internal readonly record struct ResolvedSpeaker(SpeakerEntity? Entity, double Confidence);

/// <summary>Output of <see cref="SpeakerResolver"/>.</summary>
/// <param name="Entities">Entities of the document, ids e1, e2, … in order of first mention.</param>
/// <param name="Speakers">One entry per input speaker mention, index-aligned with the input.</param>
internal sealed record ResolutionResult(IReadOnlyList<SpeakerEntity> Entities, IReadOnlyList<ResolvedSpeaker> Speakers)
{
    public static ResolutionResult Empty { get; } = new([], []);
}
