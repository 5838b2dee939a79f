namespace QuoteExtract;

/// <summary>Sorting a list and dropping repeats in place, without a set or a second list.</summary>
internal static class SortedDistinct
{
    /// <summary>Sorts <paramref name="list"/> and keeps one of each run of equal values.</summary>
    public static void Apply<T>(List<T> list)
        where T : struct, IEquatable<T>
    {
        list.Sort();
        if (list.Count < 2)
        {
            return;
        }

        int kept = 1;
        for (int i = 1; i < list.Count; i++)
        {
            if (!list[i].Equals(list[kept - 1]))
            {
                list[kept++] = list[i];
            }
        }

        list.RemoveRange(kept, list.Count - kept);
    }
}
