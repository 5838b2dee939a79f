using System.Globalization;
using System.Text;

namespace QuoteExtract.Fuzz;

/// <summary>
/// Writes a string as the body of a C# string literal (printable ASCII as is, everything else as \uXXXX), so that a
/// finding survives any file encoding, lone surrogates included, and pastes straight into a regression test.
/// </summary>
internal static class Escaping
{
    public static string Escape(string text)
    {
        var s = new StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            s.Append(c switch
            {
                '\\' => "\\\\",
                '"' => "\\\"",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                >= ' ' and <= '~' => c.ToString(),
                _ => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
            });
        }

        return s.ToString();
    }

    public static string Unescape(string literal)
    {
        var s = new StringBuilder(literal.Length);
        for (int i = 0; i < literal.Length; i++)
        {
            if (literal[i] != '\\' || i + 1 == literal.Length)
            {
                s.Append(literal[i]);
                continue;
            }

            char e = literal[++i];
            switch (e)
            {
                case 'n': s.Append('\n'); break;
                case 'r': s.Append('\r'); break;
                case 't': s.Append('\t'); break;
                case 'u':
                    s.Append((char)int.Parse(literal.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 4;
                    break;
                default: s.Append(e); break;
            }
        }

        return s.ToString();
    }
}
