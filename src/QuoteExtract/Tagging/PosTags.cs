namespace QuoteExtract.Tagging;

/// <summary>Conversions between <see cref="PosTag"/> and the Penn Treebank strings CoreNLP writes.</summary>
internal static class PosTags
{
    /// <summary>Number of real tags (every <see cref="PosTag"/> except <see cref="PosTag.None"/>).</summary>
    public const int Count = (int)PosTag.Other;

    /// <summary>Parses a Penn tag; unknown tags (GW, NFP, XX, AFX, …) become <see cref="PosTag.Other"/>.</summary>
    public static PosTag Parse(string tag) => tag switch
    {
        "PRP$" => PosTag.PRP_S,
        "WP$" => PosTag.WP_S,
        "$" => PosTag.Dollar,
        "#" => PosTag.Pound,
        "``" => PosTag.OpenQuote,
        "''" => PosTag.CloseQuote,
        "-LRB-" => PosTag.LeftBracket,
        "-RRB-" => PosTag.RightBracket,
        "," => PosTag.Comma,
        "." => PosTag.Period,
        ":" => PosTag.Colon,
        "None" or "Other" or "PRP_S" or "WP_S" => PosTag.Other,
        _ => Enum.TryParse<PosTag>(tag, ignoreCase: false, out var parsed) && char.IsUpper(tag[0]) ? parsed : PosTag.Other,
    };

    /// <summary>The Penn string of a tag.</summary>
    public static string ToPenn(PosTag tag) => tag switch
    {
        PosTag.PRP_S => "PRP$",
        PosTag.WP_S => "WP$",
        PosTag.Dollar => "$",
        PosTag.Pound => "#",
        PosTag.OpenQuote => "``",
        PosTag.CloseQuote => "''",
        PosTag.LeftBracket => "-LRB-",
        PosTag.RightBracket => "-RRB-",
        PosTag.Comma => ",",
        PosTag.Period => ".",
        PosTag.Colon => ":",
        _ => tag.ToString(),
    };

    /// <summary>Model class index of a tag (tags are numbered from 1, classes from 0).</summary>
    public static int ToClass(PosTag tag) => (int)tag - 1;

    public static PosTag FromClass(int index) => (PosTag)(index + 1);
}
