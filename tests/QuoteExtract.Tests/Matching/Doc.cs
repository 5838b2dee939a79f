using QuoteExtract.Matching;
using QuoteExtract.Tagging;
using QuoteExtract.Text;

namespace QuoteExtract.Tests.Matching;

/// <summary>
/// Hand-tagged test documents: <c>word/TAG/ENT</c> items separated by spaces, where TAG is a Penn tag and ENT a
/// BILOU label such as B-PER, L-PER, U-ORG (both optional). Tokens come from <see cref="TextAnalyzer"/>; tags
/// are the test's, which is how the engine is shown to be independent of the taggers.
/// </summary>
internal static class Doc
{
    public static TaggedText Tag(string annotated)
    {
        var items = annotated.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var words = new string[items.Length];
        var pos = new PosTag[items.Length];
        var ents = new EntityTag[items.Length];
        for (int i = 0; i < items.Length; i++)
        {
            var parts = items[i].Length > 1 ? items[i].Split('/') : [items[i]];
            words[i] = parts[0];
            if (parts.Length > 1 && parts[1].Length > 0)
            {
                PennTags.TryParse(parts[1], out pos[i]).Should().BeTrue($"'{parts[1]}' is a tag");
            }

            if (parts.Length > 2)
            {
                ents[i] = Entity(parts[2]);
            }
        }

        var analysis = TextAnalyzer.Analyze(string.Join(' ', words));
        analysis.Tokens.Length.Should().Be(items.Length, "each annotated item must be one token of the analyzer");
        return new TaggedText(analysis, pos, ents, []);
    }

    /// <summary>Plain words, no tags: handy for operator tests.</summary>
    public static TaggedText Words(string text) => Tag(text);

    /// <summary>A document of <paramref name="count"/> copies of <paramref name="word"/>, one sentence.</summary>
    public static TaggedText Repeat(string word, int count) => Tag(string.Join(' ', Enumerable.Repeat(word, count)));

    /// <summary>Quote states for straight double quotes: odd marks open, even marks close.</summary>
    public static QuoteState[] Quotes(TaggedText text)
    {
        var states = new QuoteState[text.Analysis.Tokens.Length];
        bool inside = false;
        for (int i = 0; i < states.Length; i++)
        {
            bool mark = text.Analysis.TokenText(i) is "\"" or "“" or "”";
            if (mark && !inside)
            {
                states[i] = QuoteState.Inside | QuoteState.Opening;
                inside = true;
            }
            else if (mark)
            {
                states[i] = QuoteState.Inside | QuoteState.Closing;
                inside = false;
            }
            else if (inside)
            {
                states[i] = QuoteState.Inside;
            }
        }

        return states;
    }

    public static CompiledPatterns Compile(string rules, LexiconSet? lexicons = null) => PatternCompiler.Compile(rules, lexicons ?? new LexiconSet());

    /// <summary>Matches as "rule:start-end" strings, in result order.</summary>
    public static List<string> Spans(this MatchSet set)
    {
        var list = new List<string>();
        foreach (var m in set.AsSpan())
        {
            list.Add($"{set.Rule(m).Name}:{m.Start}-{m.End}");
        }

        return list;
    }

    /// <summary>The words of a capture, space-joined, or null when it took no part.</summary>
    public static string? CaptureText(this MatchSet set, TaggedText text, int match, string name)
    {
        var range = set.Capture(set[match], name);
        return range.IsNone ? null : string.Join(' ', Enumerable.Range(range.Start, range.Length).Select(i => text.Analysis.TokenText(i).ToString()));
    }

    /// <summary>The words of the whole match.</summary>
    public static string MatchText(this MatchSet set, TaggedText text, int match)
    {
        var m = set[match];
        return string.Join(' ', Enumerable.Range(m.Start, m.End - m.Start).Select(i => text.Analysis.TokenText(i).ToString()));
    }

    private static EntityTag Entity(string label)
    {
        if (label is "O" or "")
        {
            return EntityTag.Outside;
        }

        var position = label[0] switch
        {
            'B' => BilouPosition.Begin,
            'I' => BilouPosition.Inside,
            'L' => BilouPosition.Last,
            'U' => BilouPosition.Unit,
            _ => throw new ArgumentException(label),
        };
        var type = label[2..] switch
        {
            "PER" => EntityType.Person,
            "ORG" => EntityType.Organization,
            "LOC" => EntityType.Location,
            "MISC" => EntityType.Misc,
            _ => throw new ArgumentException(label),
        };
        return new EntityTag(position, type);
    }
}
