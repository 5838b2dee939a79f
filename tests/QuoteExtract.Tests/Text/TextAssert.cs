using QuoteExtract.Text;

namespace QuoteExtract.Tests.Text;

/// <summary>Helpers that turn analyzer output into plain values the tests can compare exactly.</summary>
internal static class TextAssert
{
    public static string[] Words(string text)
    {
        var analyzed = TextAnalyzer.Analyze(text);
        var words = new string[analyzed.Tokens.Length];
        for (int i = 0; i < words.Length; i++)
        {
            words[i] = analyzed.TokenText(i).ToString();
        }

        return words;
    }

    public static (int Start, int End)[] Ranges(string text)
    {
        var analyzed = TextAnalyzer.Analyze(text);
        var ranges = new (int, int)[analyzed.Tokens.Length];
        for (int i = 0; i < ranges.Length; i++)
        {
            ranges[i] = (analyzed.Tokens[i].Start, analyzed.Tokens[i].End);
        }

        return ranges;
    }

    public static string[] SentenceTexts(string text, SentenceBreaks breaks = SentenceBreaks.CoreNlp)
    {
        var analyzed = TextAnalyzer.Analyze(text, breaks);
        var sentences = new string[analyzed.Sentences.Length];
        for (int i = 0; i < sentences.Length; i++)
        {
            sentences[i] = text[analyzed.Sentences[i].Start..analyzed.Sentences[i].End];
        }

        return sentences;
    }

    public static string[] QuotationTexts(AnalyzedText analyzed)
    {
        var quotations = new string[analyzed.Quotations.Length];
        for (int i = 0; i < quotations.Length; i++)
        {
            quotations[i] = analyzed.Text[analyzed.Quotations[i].Start..analyzed.Quotations[i].End];
        }

        return quotations;
    }
}
