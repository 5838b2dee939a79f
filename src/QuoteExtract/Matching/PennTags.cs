using QuoteExtract.Tagging;

namespace QuoteExtract.Matching;

/// <summary>Penn Treebank spellings of <see cref="PosTag"/>, so rules can say <c>pos=PRP$</c> or <c>pos=VB*</c>.</summary>
internal static class PennTags
{
    private static readonly string[] Names = BuildNames();

    public static int Count => Names.Length;

    public static string Name(PosTag tag) => Names[(int)tag];

    /// <summary>Finds a tag by its Penn spelling or its enum name (case-insensitive).</summary>
    public static bool TryParse(string text, out PosTag tag)
    {
        for (int i = 1; i < Names.Length; i++)
        {
            if (string.Equals(Names[i], text, StringComparison.OrdinalIgnoreCase)
                || string.Equals(((PosTag)i).ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                tag = (PosTag)i;
                return true;
            }
        }

        tag = PosTag.None;
        return false;
    }

    private static string[] BuildNames()
    {
        var values = Enum.GetValues<PosTag>();
        var names = new string[values.Max(v => (int)v) + 1];
        foreach (var v in values)
        {
            names[(int)v] = v == PosTag.None ? string.Empty : PosTags.ToPenn(v);
        }

        return names;
    }
}
