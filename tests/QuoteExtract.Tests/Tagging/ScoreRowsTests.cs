using System.Runtime.InteropServices;
using QuoteExtract.Tagging;

namespace QuoteExtract.Tests.Tagging;

public class ScoreRowsTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(17)]
    [InlineData(47)]
    public void ArgMax_is_the_first_highest_score(int length)
    {
        var random = new Random(length);
        for (int round = 0; round < 200; round++)
        {
            // Few distinct values, so that ties (which the first index must win) are common.
            var scores = Enumerable.Range(0, length).Select(_ => random.Next(-3, 3) * (round % 2 == 0 ? 1 : 100_000)).ToArray();
            int expected = Array.IndexOf(scores, scores.Max());

            ScoreRows.ArgMax(scores).Should().Be(expected);
        }
    }

    [Fact]
    public void Add_sums_rows_element_wise()
    {
        int[] target = [.. Enumerable.Range(0, 24)];
        int[] source = [.. Enumerable.Range(0, 24).Select(i => -2 * i)];

        ScoreRows.Add(target, source);

        target.Should().Equal(Enumerable.Range(0, 24).Select(i => -i));
        ScoreRows.Width(47).Should().Be(48);
        ScoreRows.Width(17).Should().Be(24);
    }

    [Fact]
    public void Word_memo_returns_only_what_was_stored_for_the_same_key()
    {
        var memo = new WordScoreCache(8, 4);
        int[] sums = [1, 2, 3, 4, 5, 6, 7, 8];

        memo.TryGet(11, 12, 3, out _).Should().BeFalse();
        memo.Store(11, 12, 3, sums);

        memo.TryGet(11, 12, 3, out var back).Should().BeTrue();
        back.ToArray().Should().Equal(sums);
        memo.TryGet(11, 12, 4, out _).Should().BeFalse();
        memo.TryGet(11, 13, 3, out _).Should().BeFalse();
    }

    [Fact]
    public void Aligned_arrays_start_their_useful_part_on_a_cache_line()
    {
        // Table-sized arrays live on the large object heap, which does not move them (small ones may move: only speed).
        foreach (int length in new[] { 30_000, 100_000, 1_000_000 })
        {
            var array = AlignedArray.Allocate<uint>(length, out int offset);
            var handle = GCHandle.Alloc(array, GCHandleType.Pinned);
            try
            {
                ((handle.AddrOfPinnedObject() + (offset * sizeof(uint))).ToInt64() % 64).Should().Be(0);
                (array.Length - offset).Should().BeGreaterThanOrEqualTo(length);
            }
            finally
            {
                handle.Free();
            }
        }
    }
}
