using QuoteExtract.Tagging;
using QuoteExtract.Text;

namespace QuoteExtract.Tests.Tagging;

/// <summary>Builds tagger inputs from hand-written sentences, one token per space-separated word.</summary>
internal static class TaggingTestText
{
    /// <summary>Each line is a sentence; tokens are the space-separated words.</summary>
    public static AnalyzedText Analyze(params string[] sentences)
    {
        var text = string.Join("\n", sentences);
        var tokens = new List<Token>();
        var spans = new List<Sentence>();
        int offset = 0;
        foreach (var sentence in sentences)
        {
            int first = tokens.Count;
            int i = 0;
            while (i < sentence.Length)
            {
                if (sentence[i] == ' ')
                {
                    i++;
                    continue;
                }

                int start = i;
                while (i < sentence.Length && sentence[i] != ' ')
                {
                    i++;
                }

                tokens.Add(new Token(offset + start, i - start, TokenKind.Word));
            }

            if (tokens.Count > first)
            {
                spans.Add(new Sentence(first, tokens.Count - first, tokens[first].Start, tokens[^1].End, 0));
            }

            offset += sentence.Length + 1;
        }

        return new AnalyzedText(text, [.. tokens], tokens.Count, [.. spans], spans.Count, [new Paragraph(0, text.Length, 0, spans.Count)], 1);
    }

    public static string Surface(this TaggedText tagged, EntityMention mention) => tagged.Text[mention.Start..mention.End];

    public static string[] Entities(this TaggedText tagged, EntityType type) =>
        tagged.Entities.Where(e => e.Type == type).Select(tagged.Surface).ToArray();

    public static PosTag PosOf(this TaggedText tagged, string word)
    {
        var tokens = tagged.Analysis.Tokens;
        for (int i = 0; i < tokens.Length; i++)
        {
            if (tagged.Analysis.TokenText(i).SequenceEqual(word))
            {
                return tagged.Pos[i];
            }
        }

        throw new ArgumentException($"No token '{word}'.", nameof(word));
    }
}
