using QuoteExtract.Matching;

namespace QuoteExtract.Tests.Matching;

/// <summary>The memo of short tokens' word keys (<see cref="WordMemo"/>) and the token features computed with it.</summary>
public sealed class WordMemoTests
{
    [Fact]
    public void Packing_tells_apart_tokens_that_differ_in_length_or_in_any_character()
    {
        const string text = "said Said sai saidx ab ab\0 abcdefg abcdefh abcdefgh ........";
        var seen = new HashSet<(ulong, ulong)>();
        foreach (var (start, length) in new[] { (0, 4), (5, 4), (10, 3), (14, 5), (20, 2), (23, 3), (27, 7), (35, 7) })
        {
            WordMemo.TryPack(text, start, length, out ulong low, out ulong high).Should().BeTrue();
            seen.Add((low, high)).Should().BeTrue($"'{text.Substring(start, length)}' packs uniquely");
        }

        WordMemo.TryPack(text, 0, 4, out ulong l1, out ulong h1).Should().BeTrue();
        WordMemo.TryPack("xx said yyyyyyy", 3, 4, out ulong l2, out ulong h2).Should().BeTrue();
        (l1, h1).Should().Be((l2, h2), "only the token's own characters count");
        WordMemo.TryPack(text, 43, 8, out _, out _).Should().BeFalse("longer than the memo's words");
        WordMemo.TryPack(text, 0, 0, out _, out _).Should().BeFalse("empty");
        WordMemo.TryPack(text, text.Length - 3, 3, out _, out _).Should().BeFalse("too near the end to read eight characters");
    }

    [Fact]
    public void Long_packing_tells_apart_tokens_of_8_to_15_characters_that_differ_in_length_or_in_any_character()
    {
        const string text = "abcdefgh abcdefghi abcdefgi abcdefghijk abcdefghijkl abcdefghijklmno abcdefghijklmnp abcdefghijklmnop ................";
        var seen = new HashSet<WordMemo.LongKey>();
        foreach (var (start, length) in new[] { (0, 8), (9, 9), (19, 8), (28, 11), (40, 12), (53, 15), (69, 15) })
        {
            WordMemo.TryPackLong(text, start, length, out var key).Should().BeTrue();
            seen.Add(key).Should().BeTrue($"'{text.Substring(start, length)}' packs uniquely");
        }

        WordMemo.TryPackLong(text, 9, 8, out var k1).Should().BeTrue();
        WordMemo.TryPackLong("x abcdefgh yyyyyyyyyyyyyyy", 2, 8, out var k2).Should().BeTrue();
        k1.Should().Be(k2, "only the token's own characters count");
        WordMemo.TryPackLong(text, 85, 16, out _).Should().BeFalse("longer than the long table's words");
        WordMemo.TryPackLong(text, 0, 7, out _).Should().BeFalse("short tokens have the other table");
        WordMemo.TryPackLong(text, text.Length - 10, 8, out _).Should().BeFalse("too near the end to read sixteen characters");

        var memo = new WordMemo();
        memo.TryGet(k1, out _).Should().BeFalse();
        memo.Set(k1, 42);
        memo.TryGet(k2, out ulong word).Should().BeTrue();
        word.Should().Be(42);
        WordMemo.TryPackLong(text, 19, 8, out var other);
        memo.TryGet(other, out _).Should().BeFalse();
    }

    [Fact]
    public void Remembers_a_word_until_a_colliding_word_takes_its_entry()
    {
        var memo = new WordMemo();
        WordMemo.TryPack("said ....", 0, 4, out ulong low, out ulong high);
        memo.TryGet(low, high, out _).Should().BeFalse();
        memo.Set(low, high, 42);
        memo.TryGet(low, high, out ulong word).Should().BeTrue();
        word.Should().Be(42);
        WordMemo.TryPack("told ....", 0, 4, out ulong otherLow, out ulong otherHigh);
        memo.TryGet(otherLow, otherHigh, out _).Should().BeFalse();
    }

    [Fact]
    public void Features_computed_with_the_memo_are_those_computed_without_it()
    {
        // The shipped grammar: lexicon words, exact spellings ("that", ","), shapes; repeated words and case variants.
        var grammar = QuoteExtract.Attribution.AttributionGrammar.Create(new QuoteExtractorOptions());
        var patterns = grammar.Patterns;
        var text = Doc.Tag(string.Join(' ', Enumerable.Range(0, 20).Select(i => (i % 4) switch
        {
            0 => "Jane/NNP/B-PER Okoro/NNP/L-PER said/VBD that/IN taxes/NNS would/MD rise/VB ./. Spokeswoman/NN Okoro-Smith/NNP/U-PER explained/VBD ./.",
            1 => "THAT/DT That/DT that/IN ,/, SAID/VBD Said/NNP said/VBD ./.",
            2 => "According/VBG to/TO officials/NNS ,/, the/DT mayor/NN told/VBD reporters/NNS ./.",
            _ => "He/PRP said/VBD :/: \" No/DT ,/, \" she/PRP added/VBD ./.",
        })));
        int n = text.Analysis.Tokens.Length;
        var quotes = new QuoteExtract.Attribution.CandidateReader(grammar, text).QuoteStates();
        var memo = new WordMemo();
        var plain = Compute(patterns, text, quotes, n, null);
        for (int pass = 0; pass < 2; pass++)
        {
            // The first pass fills the memo, the second reads it.
            var memoised = Compute(patterns, text, quotes, n, memo);
            memoised.Rows.Should().Equal(plain.Rows);
            memoised.Classes.Should().Equal(plain.Classes);
        }
    }

    private static (ulong[] Rows, int[] Classes) Compute(CompiledPatterns patterns, QuoteExtract.Tagging.TaggedText text, QuoteState[] quotes, int n, WordMemo? memo)
    {
        var alphabet = new TokenAlphabet(patterns.TestedBits);
        var bits = new ulong[n * patterns.RowWords];
        var classes = new int[n];
        patterns.Features.Compute(text, quotes, 0, n, bits, new byte[n], classes, alphabet, memo);
        return (bits, classes);
    }
}
