using QuoteExtract.Resolution;

namespace QuoteExtract.Tests.Resolution;

/// <summary>An entity keeps one mention per character span, in the order added, however many mentions it collects.</summary>
public sealed class EntityClusterTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(EntityCluster.ScannedMentions)]
    [InlineData(EntityCluster.ScannedMentions + 1)]
    [InlineData(50)]
    public void Repeated_spans_are_kept_once_before_and_after_the_set_takes_over(int distinct)
    {
        var cluster = new EntityCluster(EntityKind.Person, "Ana Ruiz", ["ana", "ruiz"]);
        var expected = new List<(int, int)>();
        for (int i = 0; i < distinct; i++)
        {
            cluster.Add(Mention(10 * i, (10 * i) + 4, MentionForm.Name));
            expected.Add((10 * i, (10 * i) + 4));

            // The same span again (another form: still a repeat), and an earlier span again.
            cluster.Add(Mention(10 * i, (10 * i) + 4, MentionForm.Pronoun));
            cluster.Add(Mention(0, 4, MentionForm.Nominal));
        }

        // Same start, other end: a different span.
        cluster.Add(Mention(0, 3, MentionForm.Pronoun));
        expected.Add((0, 3));

        cluster.Mentions.ToArray().Select(m => (m.Start, m.End)).Should().Equal(expected);
        cluster.Mentions.ToArray().Take(distinct).Should().OnlyContain(m => m.Form == MentionForm.Name, "the first mention of a span stays");
    }

    private static ClusterMention Mention(int start, int end, MentionForm form) => new(start / 10, (start / 10) + 1, start, end, form, Subject: false);
}
