namespace QuoteExtract.Tagging;

/// <summary>
/// BILOU entity tags as recognizer classes (0 = outside, then B, I, L, U for each of the four types),
/// the transitions a well-formed sequence allows, and the conversion from tags to mentions.
/// </summary>
internal static class Bilou
{
    /// <summary>Number of entity types excluding <see cref="EntityType.None"/>.</summary>
    public const int TypeCount = 4;

    /// <summary>Outside plus four positions for each type.</summary>
    public const int ClassCount = 1 + (4 * TypeCount);

    public static int ToClass(EntityTag tag) =>
        tag.Position == BilouPosition.Outside || tag.Type == EntityType.None
            ? 0
            : 1 + (((int)tag.Type - 1) * 4) + ((int)tag.Position - 1);

    public static EntityTag FromClass(int index) =>
        index <= 0 ? EntityTag.Outside : new EntityTag((BilouPosition)(((index - 1) % 4) + 1), (EntityType)(((index - 1) / 4) + 1));

    // Transition and end checks run for every class of every token, so they are tabulated once.
    private static readonly bool[] Allowed = BuildAllowed();
    private static readonly bool[] Endable = Enumerable.Range(0, ClassCount).Select(ComputeCanEnd).ToArray();

    /// <summary>Whether <paramref name="next"/> may follow <paramref name="previous"/> (class 0 before the first token).</summary>
    public static bool IsAllowed(int previous, int next) => Allowed[(previous * ClassCount) + next];

    /// <summary>Whether a sentence may end after <paramref name="last"/> (no entity left open).</summary>
    public static bool CanEnd(int last) => Endable[last];

    private static bool[] BuildAllowed()
    {
        var table = new bool[ClassCount * ClassCount];
        for (int p = 0; p < ClassCount; p++)
        {
            for (int n = 0; n < ClassCount; n++)
            {
                table[(p * ClassCount) + n] = ComputeAllowed(p, n);
            }
        }

        return table;
    }

    private static bool ComputeAllowed(int previous, int next)
    {
        var p = FromClass(previous);
        var n = FromClass(next);
        bool open = p.Position is BilouPosition.Begin or BilouPosition.Inside;
        if (open)
        {
            return n.Type == p.Type && n.Position is BilouPosition.Inside or BilouPosition.Last;
        }

        return n.Position is BilouPosition.Outside or BilouPosition.Begin or BilouPosition.Unit;
    }

    private static bool ComputeCanEnd(int last) => FromClass(last).Position is not (BilouPosition.Begin or BilouPosition.Inside);

    /// <summary>
    /// Gold tags for a sentence from per-token labels, an entity being a maximal run of the same label
    /// (the silver layer has no BIO prefixes).
    /// </summary>
    public static void FromRuns(ReadOnlySpan<EntityType> labels, Span<EntityTag> tags)
    {
        int i = 0;
        while (i < labels.Length)
        {
            var type = labels[i];
            if (type == EntityType.None)
            {
                tags[i++] = EntityTag.Outside;
                continue;
            }

            int end = i + 1;
            while (end < labels.Length && labels[end] == type)
            {
                end++;
            }

            if (end - i == 1)
            {
                tags[i] = new EntityTag(BilouPosition.Unit, type);
            }
            else
            {
                tags[i] = new EntityTag(BilouPosition.Begin, type);
                for (int k = i + 1; k < end - 1; k++)
                {
                    tags[k] = new EntityTag(BilouPosition.Inside, type);
                }

                tags[end - 1] = new EntityTag(BilouPosition.Last, type);
            }

            i = end;
        }
    }

    /// <summary>
    /// Reads entity spans (first token, token count, type) from possibly ill-formed tags: an entity starts
    /// at B or U, or at an I/L that does not continue an open entity of its type, and ends at L, U, a type
    /// change or an outside tag.
    /// </summary>
    public static int Spans(ReadOnlySpan<EntityTag> tags, Span<(int First, int Count, EntityType Type)> spans)
    {
        int count = 0;
        int start = -1;
        var type = EntityType.None;
        for (int i = 0; i < tags.Length; i++)
        {
            var tag = tags[i];
            bool continues = start >= 0 && tag.Type == type && tag.Position is BilouPosition.Inside or BilouPosition.Last;
            if (!continues && start >= 0)
            {
                spans[count++] = (start, i - start, type);
                start = -1;
            }

            if (tag.Position == BilouPosition.Outside || tag.Type == EntityType.None)
            {
                continue;
            }

            if (start < 0)
            {
                start = i;
                type = tag.Type;
            }

            if (tag.Position is BilouPosition.Last or BilouPosition.Unit)
            {
                spans[count++] = (start, i + 1 - start, type);
                start = -1;
            }
        }

        if (start >= 0)
        {
            spans[count++] = (start, tags.Length - start, type);
        }

        return count;
    }
}
