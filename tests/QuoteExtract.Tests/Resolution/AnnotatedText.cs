using System.Text;
using QuoteExtract.Resolution;
using QuoteExtract.Tagging;
using QuoteExtract.Text;

namespace QuoteExtract.Tests.Resolution;

/// <summary>
/// Builds a <see cref="TaggedText"/> by hand for resolver tests: <c>[Vladimir Putin]PER</c> marks an entity
/// (PER, ORG, LOC, MISC); tokens come from <see cref="TextAnalyzer"/>; part of speech from a tiny word table
/// (capitalised → NNP, unknown lower-case → NN). Not a tagger: just enough structure for the resolver.
/// </summary>
internal static class AnnotatedText
{
    private static readonly Dictionary<string, PosTag> Words = new(StringComparer.Ordinal)
    {
        ["said"] = PosTag.VBD, ["told"] = PosTag.VBD, ["added"] = PosTag.VBD, ["argued"] = PosTag.VBD, ["warned"] = PosTag.VBD,
        ["was"] = PosTag.VBD, ["met"] = PosTag.VBD, ["announced"] = PosTag.VBD, ["called"] = PosTag.VBD, ["denied"] = PosTag.VBD,
        ["says"] = PosTag.VBZ, ["is"] = PosTag.VBZ, ["has"] = PosTag.VBZ, ["argues"] = PosTag.VBZ, ["insists"] = PosTag.VBZ,
        ["will"] = PosTag.MD, ["would"] = PosTag.MD, ["could"] = PosTag.MD, ["are"] = PosTag.VBP, ["were"] = PosTag.VBD,
        ["the"] = PosTag.DT, ["a"] = PosTag.DT, ["an"] = PosTag.DT, ["some"] = PosTag.DT, ["this"] = PosTag.DT,
        ["he"] = PosTag.PRP, ["she"] = PosTag.PRP, ["it"] = PosTag.PRP, ["they"] = PosTag.PRP, ["we"] = PosTag.PRP, ["i"] = PosTag.PRP,
        ["his"] = PosTag.PRP_S, ["her"] = PosTag.PRP_S, ["its"] = PosTag.PRP_S, ["their"] = PosTag.PRP_S,
        ["of"] = PosTag.IN, ["for"] = PosTag.IN, ["in"] = PosTag.IN, ["at"] = PosTag.IN, ["on"] = PosTag.IN, ["with"] = PosTag.IN,
        ["by"] = PosTag.IN, ["that"] = PosTag.IN, ["to"] = PosTag.TO, ["and"] = PosTag.CC, ["but"] = PosTag.CC,
        ["former"] = PosTag.JJ, ["foreign"] = PosTag.JJ, ["new"] = PosTag.JJ, ["senior"] = PosTag.JJ, ["independent"] = PosTag.JJ,
        ["russian"] = PosTag.JJ, ["chinese"] = PosTag.JJ, ["cautious"] = PosTag.JJ, ["wrong"] = PosTag.JJ, ["not"] = PosTag.RB,
    };

    /// <summary>Builds the tagged text; <paramref name="pos"/> overrides the tag of every token with that exact text.</summary>
    public static TaggedText Build(string annotated, params (string Word, PosTag Tag)[] pos)
    {
        var plain = new StringBuilder();
        var spans = new List<(int Start, int End, EntityType Type)>();
        for (int i = 0; i < annotated.Length; i++)
        {
            if (annotated[i] == '[')
            {
                int close = annotated.IndexOf(']', i);
                int start = plain.Length;
                plain.Append(annotated, i + 1, close - i - 1);
                int labelEnd = close + 1;
                while (labelEnd < annotated.Length && char.IsAsciiLetterUpper(annotated[labelEnd]))
                {
                    labelEnd++;
                }

                var type = annotated[(close + 1)..labelEnd] switch
                {
                    "PER" => EntityType.Person,
                    "ORG" => EntityType.Organization,
                    "LOC" => EntityType.Location,
                    _ => EntityType.Misc,
                };
                spans.Add((start, plain.Length, type));
                i = labelEnd - 1;
            }
            else
            {
                plain.Append(annotated[i]);
            }
        }

        var analysis = TextAnalyzer.Analyze(plain.ToString());
        var tokens = analysis.Tokens;
        var tagsOf = new PosTag[tokens.Length];
        var tags = new EntityTag[tokens.Length];
        for (int t = 0; t < tokens.Length; t++)
        {
            var word = analysis.TokenText(t).ToString();
            tagsOf[t] = pos.Any(p => p.Word == word) ? pos.First(p => p.Word == word).Tag
                : !char.IsLetter(word[0]) ? PosTag.Other
                : Words.TryGetValue(word.ToLowerInvariant(), out var tag) && !(char.IsUpper(word[0]) && tag == PosTag.JJ) ? tag
                : char.IsUpper(word[0]) ? PosTag.NNP
                : word.EndsWith('s') ? PosTag.NNS
                : PosTag.NN;
        }

        var entities = new List<EntityMention>();
        foreach (var (start, end, type) in spans)
        {
            int first = -1, last = -1;
            for (int t = 0; t < tokens.Length; t++)
            {
                if (tokens[t].Start < end && tokens[t].End > start)
                {
                    first = first < 0 ? t : first;
                    last = t;
                }
            }

            for (int t = first; t <= last; t++)
            {
                var position = first == last ? BilouPosition.Unit : t == first ? BilouPosition.Begin : t == last ? BilouPosition.Last : BilouPosition.Inside;
                tags[t] = new EntityTag(position, type);
            }

            entities.Add(new EntityMention(first, last - first + 1, start, end, type, 1f));
        }

        return new TaggedText(analysis, tagsOf, tags, entities);
    }

    /// <summary>The speaker mention over the <paramref name="occurrence"/>-th (0-based) whole-word match of <paramref name="phrase"/>.</summary>
    public static SpeakerMention Speaker(TaggedText text, string phrase, int occurrence = 0)
    {
        int at = -1;
        for (int n = 0; n <= occurrence; n++)
        {
            do
            {
                at = text.Text.IndexOf(phrase, at + 1, StringComparison.Ordinal);
            }
            while (at >= 0 && ((at > 0 && char.IsLetter(text.Text[at - 1])) || (at + phrase.Length < text.Text.Length && char.IsLetter(text.Text[at + phrase.Length]))));

            if (at < 0)
            {
                throw new ArgumentException($"'{phrase}' #{occurrence} not in text.", nameof(phrase));
            }
        }

        var tokens = text.Analysis.Tokens;
        int first = -1, last = -1;
        for (int t = 0; t < tokens.Length; t++)
        {
            if (tokens[t].Start >= at && tokens[t].End <= at + phrase.Length)
            {
                first = first < 0 ? t : first;
                last = t;
            }
        }

        return new SpeakerMention(first, last - first + 1, at, at + phrase.Length);
    }
}
