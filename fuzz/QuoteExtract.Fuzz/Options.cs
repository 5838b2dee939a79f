using System.Globalization;

namespace QuoteExtract.Fuzz;

/// <summary>Reads <c>--name value</c> pairs from the command line.</summary>
internal static class Options
{
    public static string? String(string[] args, string name, string? fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    public static double Double(string[] args, string name, double fallback) =>
        String(args, name, null) is { } s ? double.Parse(s, CultureInfo.InvariantCulture) : fallback;

    public static long Long(string[] args, string name, long fallback) =>
        String(args, name, null) is { } s ? long.Parse(s, CultureInfo.InvariantCulture) : fallback;
}
