using QuoteExtract.Tagging;
using QuoteExtract.Text;
using QuoteExtract.Training.Silver;

namespace QuoteExtract.Training.Training;

/// <summary>Silver documents turned into what the taggers see: text, tokens and sentences on the silver tokenization.</summary>
internal static class SilverCorpus
{
    /// <summary>Maps a CoreNLP NER label to the four recognizer types; numeric and time classes are outside.</summary>
    public static EntityType EntityTypeOf(string label) => label switch
    {
        "PERSON" => EntityType.Person,
        "ORGANIZATION" => EntityType.Organization,
        "LOCATION" => EntityType.Location,
        "MISC" => EntityType.Misc,
        _ => EntityType.None,
    };

    /// <summary>The document text with the silver tokens and sentences, as if our text layer had produced them.</summary>
    public static AnalyzedText Analysis(SilverDocument document, string text)
    {
        var tokens = new List<Token>();
        var sentences = new List<Sentence>();
        foreach (var sentence in document.Sentences)
        {
            int first = tokens.Count;
            foreach (var t in sentence)
            {
                tokens.Add(new Token(t.Start, t.End - t.Start, TokenKind.Word));
            }

            sentences.Add(new Sentence(first, sentence.Count, sentence[0].Start, sentence[^1].End, 0));
        }

        var paragraphs = new[] { new Paragraph(0, text.Length, 0, sentences.Count) };
        return new AnalyzedText(text, [.. tokens], tokens.Count, [.. sentences], sentences.Count, paragraphs, 1);
    }

    public static string ReadText(string textDirectory, string name) =>
        File.ReadAllText(Path.Combine(textDirectory, name + ".txt"));

    /// <summary>Entity spans (start, end, type) of one silver sentence: maximal runs of the same label.</summary>
    public static IEnumerable<(int Start, int End, EntityType Type)> Entities(IReadOnlyList<SilverToken> sentence)
    {
        int i = 0;
        while (i < sentence.Count)
        {
            var type = EntityTypeOf(sentence[i].Ner);
            int end = i + 1;
            if (type != EntityType.None)
            {
                while (end < sentence.Count && EntityTypeOf(sentence[end].Ner) == type)
                {
                    end++;
                }

                yield return (sentence[i].Start, sentence[end - 1].End, type);
            }

            i = end;
        }
    }
}
