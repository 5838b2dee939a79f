using System.Text;

namespace QuoteExtract.Tests.Robustness.Inputs;

/// <summary>
/// The properties checked on every generated document, by the property tests and by the fuzz harness: no exception,
/// the <see cref="ResultInvariants"/>, the same result on a second run, through a UTF-8 stream, and (for a text
/// with LF line ends) the same quotes at shifted offsets in its CRLF version.
/// </summary>
internal static class RobustnessChecks
{
    public static void Check(QuoteExtractor extractor, string text)
    {
        var first = extractor.Extract(text);
        ResultInvariants.Check(text, first);
        var fingerprint = ResultInvariants.Fingerprint(first);
        Require(ResultInvariants.Fingerprint(extractor.Extract(text)) == fingerprint, "a second run gave another result");

        // UTF-8 cannot carry a lone surrogate, and a leading U+FEFF is read as a byte-order mark.
        if (!HasLoneSurrogate(text) && (text.Length == 0 || text[0] != '\uFEFF'))
        {
            var viaStream = extractor.ExtractAsync(new MemoryStream(Encoding.UTF8.GetBytes(text))).GetAwaiter().GetResult();
            Require(ResultInvariants.Fingerprint(viaStream) == fingerprint, "the UTF-8 stream gave another result than the string");
        }

        if (!text.Contains('\r', StringComparison.Ordinal) && text.Contains('\n', StringComparison.Ordinal))
        {
            CheckCrlf(extractor, text, first);
        }
    }

    /// <summary>
    /// The CRLF version has the same quotes, each offset moved by the number of line breaks before it (an entity name
    /// taken from the text may span a line break, so names are compared with LF line ends).
    /// </summary>
    public static void CheckCrlf(QuoteExtractor extractor, string lf, QuoteExtractionResult lfResult)
    {
        var crlf = lf.Replace("\n", "\r\n", StringComparison.Ordinal);
        var crlfResult = extractor.Extract(crlf);
        ResultInvariants.Check(crlf, crlfResult);
        var shift = new int[lf.Length + 1];
        for (int i = 0; i < lf.Length; i++)
        {
            shift[i + 1] = shift[i] + (lf[i] == '\n' ? 1 : 0);
        }

        string Describe(QuoteExtractionResult r, Func<int, int> map) => string.Join('\n', r.Quotes.Select(q =>
            $"{q.Kind} {q.Category} {map(q.Content.Start)}-{map(q.Content.End)} cue {(q.Cue is { } c ? $"{map(c.Start)}-{map(c.End)}" : "-")} "
            + $"speaker {(q.Speaker is { } s ? $"{map(s.Start)}-{map(s.End)}" : "-")} {q.Confidence} {q.Entity?.Name.Replace("\r\n", "\n", StringComparison.Ordinal)} {q.EntityConfidence}"));

        var expected = Describe(lfResult, i => i + shift[i]);
        var actual = Describe(crlfResult, i => i);
        Require(expected == actual, $"the CRLF version gave other quotes:\n{expected}\n---\n{actual}");
    }

    public static bool HasLoneSurrogate(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvariantViolationException(message);
        }
    }
}
