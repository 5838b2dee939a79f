using QuoteExtract.Resolution;
using static QuoteExtract.Tests.Resolution.AnnotatedText;

namespace QuoteExtract.Tests.Resolution;

/// <summary>
/// The resolver's view of a document keeps its keys in one rented buffer and its per-token arrays rented from the
/// shared pool. All texts are invented for these tests.
/// </summary>
public sealed class DocumentViewTests
{
    [Fact]
    public void Keys_ids_and_lower_case_use_are_the_documents_own_after_another_document_used_the_buffers()
    {
        // Leave the pool's arrays (rented by size: this document is in the same size class) full of another document:
        // lower-case words at the key ids the next one uses, and a quotation over them.
        using (var before = new DocumentView(Build("\"stop the berg aide now stop the berg aide now stop the berg\"")))
        {
            before.Count.Should().Be(15);
            before.IsQuoted(5).Should().BeTrue();
            before.IsWrittenInLowerCase(1).Should().BeTrue();
        }

        var text = Build("Mr. [Berg]PER’s aide said STOP. Stop it, the aide of [Berg]PER said.");
        using var doc = new DocumentView(text);
        var keys = Enumerable.Range(0, doc.Count).Select(i => doc.Key(i).ToString()).ToList();

        keys.Should().Equal("mr", "berg", "'s", "aide", "said", "stop", ".", "stop", "it", ",", "the", "aide", "of", "berg", "said", ".");
        doc.KeyId(7).Should().Be(5, "STOP and Stop have the same key, first seen at token 5");
        doc.KeyId(11).Should().Be(3);
        doc.KeyId(13).Should().Be(1);
        doc.KeyId(8).Should().Be(8);

        // The document before wrote "stop" and "berg" in lower case at ids 1 and 5 of its own.
        doc.IsWrittenInLowerCase(5).Should().BeFalse("the text writes stop only with capitals");
        doc.IsWrittenInLowerCase(13).Should().BeFalse("nor berg in lower case");
        doc.IsWrittenInLowerCase(3).Should().BeTrue();
        Enumerable.Range(0, doc.Count).Should().OnlyContain(i => !doc.IsQuoted(i));
    }

    [Fact]
    public void Key_strings_are_the_lexicons_own_or_one_per_distinct_key()
    {
        var text = Build("Senator [Ana Ruiz]PER met [Ruiz]PER’s senator friend.");
        using var doc = new DocumentView(text);

        doc.KeyString(0).Should().Be("senator").And.BeSameAs(Lexicon.Known("senator"));
        doc.KeyString(2).Should().Be("ruiz").And.BeSameAs(doc.KeyString(4), "one string per distinct key");
        doc.KeyString(1).Should().Be("ana");
    }

    [Fact]
    public void Key_classes_are_the_lexicons_answers_for_every_occurrence_of_a_key()
    {
        // Mixed case, a final period, accents (the non-ASCII key path) and a pronoun both ways.
        var text = Build("MR. [Berg]PER told officials that he and She met Dr [Ruiz]PER. Officials said HER café, his.");
        using var doc = new DocumentView(text);

        for (int i = 0; i < doc.Count; i++)
        {
            var key = doc.Key(i);
            var expected = KeyClasses.None;
            expected |= Lexicon.Honorifics.ContainsKey(key) ? KeyClasses.Honorific : 0;
            expected |= Lexicon.UnnamedHeads.Contains(key) ? KeyClasses.UnnamedHead : 0;
            expected |= Lexicon.Pronouns.TryGetValue(key, out var kind) && kind == PronounKind.Male ? KeyClasses.MalePronoun : 0;
            expected |= Lexicon.Pronouns.TryGetValue(key, out kind) && kind == PronounKind.Female ? KeyClasses.FemalePronoun : 0;
            doc.ClassesOf(i).Should().Be(expected, $"token {i} has the key '{key}'");
            doc.IsHonorific(i).Should().Be((expected & KeyClasses.Honorific) != 0);
        }

        doc.ClassesOf(0).Should().Be(KeyClasses.Honorific);
        doc.ClassesOf(Index(doc, "Officials")).Should().Be(KeyClasses.UnnamedHead);
        doc.ClassesOf(Index(doc, "She")).Should().Be(KeyClasses.FemalePronoun);
        doc.ClassesOf(Index(doc, "HER")).Should().Be(KeyClasses.FemalePronoun);
        doc.ClassesOf(Index(doc, "his")).Should().Be(KeyClasses.MalePronoun);
        doc.Key(Index(doc, "café")).ToString().Should().Be("café");
    }

    private static int Index(DocumentView doc, string word) =>
        Enumerable.Range(0, doc.Count).First(i => doc.Word(i).SequenceEqual(word));
}
