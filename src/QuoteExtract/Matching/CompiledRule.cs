using System.Collections.ObjectModel;

namespace QuoteExtract.Matching;

/// <summary>A rule after compilation: its name, metadata, capture names and entry point in the program.</summary>
internal sealed class CompiledRule
{
    public CompiledRule(int index, string name, IReadOnlyDictionary<string, string> metadata, IReadOnlyList<string> captureNames, int startPc, ulong[] firstMask)
    {
        Index = index;
        Name = name;
        Metadata = new ReadOnlyDictionary<string, string>(new Dictionary<string, string>(metadata, StringComparer.Ordinal));
        CaptureNames = captureNames;
        StartPc = startPc;
        FirstMask = firstMask;
    }

    public int Index { get; }

    public string Name { get; }

    /// <summary>The <c>key=value</c> pairs written after the rule name.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>Capture names; capture <c>i</c> uses slots <c>2(i+1)</c> and <c>2(i+1)+1</c>.</summary>
    public IReadOnlyList<string> CaptureNames { get; }

    internal int StartPc { get; }

    /// <summary>Predicate bits that can match the rule's first token: a token with none of them cannot start a match.</summary>
    internal ulong[] FirstMask { get; }

    /// <summary>Index of capture <paramref name="name"/>, or -1.</summary>
    public int CaptureIndex(string name)
    {
        for (int i = 0; i < CaptureNames.Count; i++)
        {
            if (CaptureNames[i] == name)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A metadata value, or <paramref name="fallback"/>.</summary>
    public string Meta(string key, string fallback = "") => Metadata.TryGetValue(key, out var v) ? v : fallback;
}
