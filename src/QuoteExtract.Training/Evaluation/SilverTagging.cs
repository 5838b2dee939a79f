using QuoteExtract.Tagging;
using QuoteExtract.Text;
using QuoteExtract.Training.Silver;

namespace QuoteExtract.Training.Evaluation;

/// <summary>
/// Builds a <see cref="TaggedText"/> from the CoreNLP silver layer (tokens, sentences, POS, 4-class NER), so that
/// components downstream of the taggers can be measured before our own taggers exist. Paragraphs break where
/// the text between two sentences holds a line break.
/// </summary>
internal static class SilverTagging
{
    public static TaggedText Build(string text, SilverDocument document)
    {
        var tokens = new List<Token>();
        var pos = new List<PosTag>();
        var ner = new List<EntityType>();
        var sentences = new List<Sentence>();
        var paragraphs = new List<Paragraph>();
        int paragraph = 0, paragraphFirstSentence = 0;
        foreach (var sentence in document.Sentences)
        {
            int first = tokens.Count;
            if (sentences.Count > 0 && text.AsSpan(sentences[^1].End, sentence[0].Start - sentences[^1].End).Contains('\n'))
            {
                paragraphs.Add(new Paragraph(sentences[paragraphFirstSentence].Start, sentences[^1].End, paragraphFirstSentence, sentences.Count - paragraphFirstSentence));
                paragraph++;
                paragraphFirstSentence = sentences.Count;
            }

            foreach (var token in sentence)
            {
                tokens.Add(new Token(token.Start, token.End - token.Start, KindOf(text, token)));
                pos.Add(MapPos(token.Pos));
                ner.Add(token.Ner switch
                {
                    "PERSON" => EntityType.Person,
                    "ORGANIZATION" => EntityType.Organization,
                    "LOCATION" => EntityType.Location,
                    "MISC" => EntityType.Misc,
                    _ => EntityType.None,
                });
            }

            sentences.Add(new Sentence(first, tokens.Count - first, tokens[first].Start, tokens[^1].End, paragraph));
        }

        if (sentences.Count > 0)
        {
            paragraphs.Add(new Paragraph(sentences[paragraphFirstSentence].Start, sentences[^1].End, paragraphFirstSentence, sentences.Count - paragraphFirstSentence));
        }

        // Entities: runs of one label within a sentence.
        var tags = new EntityTag[tokens.Count];
        var entities = new List<EntityMention>();
        foreach (var s in sentences)
        {
            int t = s.FirstToken;
            while (t < s.EndToken)
            {
                if (ner[t] == EntityType.None)
                {
                    t++;
                    continue;
                }

                int end = t + 1;
                while (end < s.EndToken && ner[end] == ner[t])
                {
                    end++;
                }

                for (int k = t; k < end; k++)
                {
                    tags[k] = new EntityTag(
                        end - t == 1 ? BilouPosition.Unit : k == t ? BilouPosition.Begin : k == end - 1 ? BilouPosition.Last : BilouPosition.Inside,
                        ner[t]);
                }

                entities.Add(new EntityMention(t, end - t, tokens[t].Start, tokens[end - 1].End, ner[t], 1f));
                t = end;
            }
        }

        var analysis = new AnalyzedText(text, [.. tokens], tokens.Count, [.. sentences], sentences.Count, [.. paragraphs], paragraphs.Count);
        return new TaggedText(analysis, [.. pos], tags, entities);
    }

    /// <summary>The placeholder analyzer's tokens with no tags: what the resolver sees without any tagger.</summary>
    public static TaggedText Untagged(string text)
    {
        var analysis = TextAnalyzer.Analyze(text);
        return new TaggedText(analysis, new PosTag[analysis.Tokens.Length], new EntityTag[analysis.Tokens.Length], []);
    }

    public static PosTag MapPos(string tag) => tag switch
    {
        "PRP$" => PosTag.PRP_S,
        "WP$" => PosTag.WP_S,
        "$" => PosTag.Dollar,
        "#" => PosTag.Pound,
        "``" => PosTag.OpenQuote,
        "''" => PosTag.CloseQuote,
        "-LRB-" => PosTag.LeftBracket,
        "-RRB-" => PosTag.RightBracket,
        "," => PosTag.Comma,
        "." => PosTag.Period,
        ":" => PosTag.Colon,
        _ => Enum.TryParse<PosTag>(tag, ignoreCase: false, out var p) && p != PosTag.None ? p : PosTag.Other,
    };

    private static TokenKind KindOf(string text, SilverToken token)
    {
        char c = text[token.Start];
        return char.IsLetter(c) ? TokenKind.Word
            : char.IsDigit(c) ? TokenKind.Number
            : c is '"' or '“' or '”' or '‘' or '’' or '\'' or '`' ? TokenKind.QuoteMark
            : TokenKind.Punctuation;
    }
}
