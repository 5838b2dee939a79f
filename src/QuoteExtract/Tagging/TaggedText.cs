using QuoteExtract.Text;

namespace QuoteExtract.Tagging;

/// <summary>
/// The tagging layer's output for one document: the analyzed text plus one part-of-speech tag and one
/// entity tag per token, and the entity mentions those tags spell.
/// </summary>
internal sealed class TaggedText
{
    public TaggedText(AnalyzedText analysis, PosTag[] pos, EntityTag[] entityTags, IReadOnlyList<EntityMention> entities)
    {
        Analysis = analysis;
        Pos = pos;
        EntityTags = entityTags;
        Entities = entities;
    }

    public AnalyzedText Analysis { get; }

    public string Text => Analysis.Text;

    /// <summary>One tag per token (index-aligned with <see cref="AnalyzedText.Tokens"/>).</summary>
    public PosTag[] Pos { get; }

    /// <summary>One entity tag per token.</summary>
    public EntityTag[] EntityTags { get; }

    /// <summary>Entity mentions in document order.</summary>
    public IReadOnlyList<EntityMention> Entities { get; }
}
