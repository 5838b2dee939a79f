using QuoteExtract.Matching;

namespace QuoteExtract.Tests.Matching;

/// <summary>The case-insensitive word table the token features probe with a token's characters as they are in the text.</summary>
public sealed class LowercaseTableTests
{
    [Fact]
    public void Every_key_is_found_in_any_case_and_other_words_are_not()
    {
        // Long words, words one letter apart, non-ASCII letters, and enough keys that probes collide and walk on.
        var words = new[] { "said", "Says", "acknowledged", "acknowledges", "spokeswoman", "spokesman", "élysée", "À", ",", "'s", "u.s." }
            .Concat(Enumerable.Range(0, 500).Select(i => $"w{i}x"))
            .ToArray();
        var table = new LowercaseTable<string>(words.Select(w => KeyValuePair.Create(w, w)).ToArray());

        foreach (var word in words)
        {
            table.Find(word.ToUpperInvariant()).Should().Be(word);
            table.Find(word.ToLowerInvariant()).Should().Be(word);
        }

        foreach (var absent in new[] { "sai", "saidd", "acknowledgeds", "spokesmen", "elysee", "w500x", "w1x0", "", "s" })
        {
            table.Find(absent).Should().BeNull(absent);
        }

        table.Count.Should().Be(words.Length);
    }

    [Fact]
    public void The_hash_folded_one_character_at_a_time_is_the_tables_hash()
    {
        // Token features fold the hash into their own pass over a token's characters and probe with it.
        var table = new LowercaseTable<string>([KeyValuePair.Create("Announced", "announced")]);
        uint h = LowercaseTable<string>.HashSeed;
        foreach (var c in "ANNOUNCED")
        {
            h = LowercaseTable<string>.HashStep(h, c);
        }

        LowercaseTable<string>.HashFinish(h).Should().Be(LowercaseTable<string>.Hash("announced"));
        table.Find("ANNOUNCED", LowercaseTable<string>.HashFinish(h)).Should().Be("announced");
    }
}
