namespace QuoteExtract.Tagging;

/// <summary>A named-entity mention found by the recognizer.</summary>
/// <param name="FirstToken">Index of the first token.</param>
/// <param name="TokenCount">Number of tokens.</param>
/// <param name="Start">Start character offset.</param>
/// <param name="End">End character offset (exclusive).</param>
/// <param name="Type">Person, organization, location or misc.</param>
/// <param name="Score">Confidence of the recognizer in [0, 1].</param>
internal readonly record struct EntityMention(int FirstToken, int TokenCount, int Start, int End, EntityType Type, float Score);
