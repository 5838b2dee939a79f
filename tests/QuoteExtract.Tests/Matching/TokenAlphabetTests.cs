using QuoteExtract.Matching;

namespace QuoteExtract.Tests.Matching;

/// <summary>Token classes: one per distinct row of tested bits, remembered by feature key, forgotten on clear.</summary>
public sealed class TokenAlphabetTests
{
    [Fact]
    public void Rows_that_differ_only_in_untested_bits_share_a_class()
    {
        // Tested bits 0, 1, 3 and 127 become bits 0 to 3 of a one-word class row.
        var alphabet = new TokenAlphabet([0b1011UL, 1UL << 63]);

        int a = alphabet.Intern([0b0001UL, 0]);
        int b = alphabet.Intern([0b0101UL, 0]); // bit 2 is not tested
        int c = alphabet.Intern([0b0001UL, 1UL << 63]);
        int d = alphabet.Intern([0b1001UL, 0]);

        b.Should().Be(a);
        new[] { a, c, d }.Should().OnlyHaveUniqueItems();
        alphabet.Count.Should().Be(3);
        alphabet.Words.Should().Be(1);
        alphabet.Row(b).ToArray().Should().Equal(0b0001UL);
        alphabet.Row(c).ToArray().Should().Equal(0b1001UL);
        alphabet.Row(d).ToArray().Should().Equal(0b0101UL);
    }

    [Fact]
    public void Feature_keys_are_remembered_until_the_alphabet_is_cleared()
    {
        var alphabet = new TokenAlphabet([ulong.MaxValue]);
        for (int i = 0; i < 5000; i++)
        {
            alphabet.Remember((ulong)i * 977, alphabet.Intern([(ulong)i]));
        }

        alphabet.Count.Should().Be(5000);
        alphabet.Find(1234 * 977).Should().Be(1234);
        alphabet.Row(alphabet.Find(4999 * 977)).ToArray().Should().Equal(4999UL);
        alphabet.Find(1234 * 977 + 1).Should().Be(-1);

        alphabet.Clear();

        alphabet.Count.Should().Be(0);
        alphabet.Find(1234 * 977).Should().Be(-1);
        alphabet.Intern([7UL]).Should().Be(0);
    }
}
