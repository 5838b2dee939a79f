using QuoteExtract.Tagging;
using QuoteExtract.Text;

namespace QuoteExtract.Attribution;

/// <summary>
/// Scores a candidate: the rule's prior adjusted by what kind of speaker it has, the cue's category and the
/// content's length. Score and confidence are probabilities that the candidate is a correct attribution.
/// </summary>
internal sealed class AttributionScorer
{
    /// <summary>Candidates scoring below this are never kept.</summary>
    public const double Threshold = 0.3;

    public static AttributionScorer Default { get; } = new();

    public void Score(TaggedText text, Candidate c)
    {
        double s = c.Prior;
        s += SpeakerType(text, c) switch
        {
            "person" => 0.1,
            "pronoun" => 0.05,
            "none" => -0.1,
            _ => 0.0,
        };
        if (c.Category == QuoteCategory.Other)
        {
            s -= 0.1;
        }

        if (c.Content.Length < 2)
        {
            s -= 0.2;
        }

        c.Score = Math.Clamp(s, 0, 1);
        c.Confidence = c.Score;
    }

    internal static string SpeakerType(TaggedText text, Candidate c)
    {
        if (c.Speaker.IsNone)
        {
            return "none";
        }

        for (int t = c.Speaker.Start; t < c.Speaker.End; t++)
        {
            if (text.EntityTags[t].Type == EntityType.Person)
            {
                return "person";
            }
        }

        var last = text.Pos[c.Speaker.End - 1];
        return last switch
        {
            PosTag.PRP or PosTag.WP => "pronoun",
            PosTag.NNP or PosTag.NNPS => text.EntityTags[c.Speaker.End - 1].Type == EntityType.Organization ? "org" : "proper",
            _ => "common",
        };
    }
}
