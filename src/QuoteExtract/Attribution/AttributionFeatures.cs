using QuoteExtract.Tagging;
using QuoteExtract.Text;

namespace QuoteExtract.Attribution;

/// <summary>
/// The hashed features the learned scorer sees for one candidate: its rule, cue word and category, the kind of
/// speaker, content length, how the content starts and ends, quote state and position. Shared by training and
/// scoring, so any change here needs a retrained model (train attribution).
/// </summary>
internal static class AttributionFeatures
{
    public static int Collect(TaggedText text, Candidate c, Span<ulong> features)
    {
        var analysis = text.Analysis;
        int n = 0;
        var rule = c.Rule;
        var cut = c.CutKind ?? "full";
        var cue = c.Cue.IsNone ? "-" : CueHead(text, c);
        var speaker = AttributionScorer.SpeakerType(text, c);
        int length = c.ContentEnd - c.Content.Start;
        var lengthBucket = length switch { 1 => "1", 2 => "2", <= 5 => "3-5", <= 10 => "6-10", <= 20 => "11-20", <= 40 => "21-40", _ => "41+" };
        var first = c.Content.Start < analysis.Tokens.Length ? analysis.TokenText(c.Content.Start).ToString().ToLowerInvariant() : "";
        var firstPos = text.Pos[c.Content.Start].ToString();
        var firstWord = first is "that" or "to" or "the" or "a" or "an" or "he" or "she" or "they" or "it" or "we" or "i" or "if" or "whether" or "what" or "how" or "why" or "for" or "of" or "about" or "on" or "in" or "as" or "with" or "at" or "his" or "her" or "their" or "this" or "by" or "when"
            ? first : "other";
        int sentence = AttributionExtractor.SentenceOf(analysis, c.Cue.IsNone ? c.Content.Start : c.Cue.Start);
        var s = analysis.Sentences[sentence];
        bool speakerAtStart = !c.Speaker.IsNone && c.Speaker.Start == s.FirstToken;
        var before = c.Speaker.IsNone || c.Speaker.Start == 0 ? "none" : text.Pos[c.Speaker.Start - 1].ToString();
        int gap = c.Speaker.IsNone || c.Cue.IsNone ? -1 : Math.Clamp(c.Cue.Start - c.Speaker.End, -3, 4);
        var last = analysis.Tokens[c.ContentEnd - 1];
        var ends = last.Kind == TokenKind.QuoteMark ? "quote" : text.Pos[c.ContentEnd - 1] is var p && (p is PosTag.NN or PosTag.NNS or PosTag.NNP or PosTag.NNPS) ? "noun" : "other";
        var cueLength = c.Cue.IsNone ? 0 : Math.Min(c.Cue.Length, 4);

        Add(features, ref n, 1, "bias");
        Add(features, ref n, 2, rule);
        Add(features, ref n, 3, cue);
        Add(features, ref n, 4, c.Category.ToString());
        Add(features, ref n, 5, speaker);
        Add(features, ref n, 6, rule + "|" + speaker);
        Add(features, ref n, 7, cue + "|" + speaker);
        Add(features, ref n, 8, lengthBucket);
        Add(features, ref n, 9, rule + "|" + lengthBucket);
        Add(features, ref n, 10, c.Kind.ToString());
        Add(features, ref n, 11, firstWord);
        Add(features, ref n, 12, firstPos);
        Add(features, ref n, 13, cue + "|" + firstWord);
        Add(features, ref n, 14, cue + "|" + firstPos);
        Add(features, ref n, 15, speakerAtStart ? "start" : "inside");
        Add(features, ref n, 16, before);
        Add(features, ref n, 17, gap.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add(features, ref n, 18, ends);
        Add(features, ref n, 19, cueLength.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add(features, ref n, 20, c.Content2.IsNone ? "one" : "split");
        Add(features, ref n, 21, c.Category + "|" + lengthBucket);
        Add(features, ref n, 22, c.Kind + "|" + speaker);
        Add(features, ref n, 23, cue + "|" + lengthBucket);
        Add(features, ref n, 24, rule + "|" + c.Kind);
        Add(features, ref n, 26, cut);
        Add(features, ref n, 27, cut + "|" + lengthBucket);
        Add(features, ref n, 28, cut + "|" + cue);
        Add(features, ref n, 29, cut + "|" + RemainingBucket(analysis, c));
        var after = AfterEnd(text, c);
        Add(features, ref n, 32, cut + "|" + after);
        Add(features, ref n, 33, c.Category + "|" + after);
        Add(features, ref n, 34, rule + "|" + cue);
        Add(features, ref n, 35, cue + "|" + c.Kind);
        Add(features, ref n, 36, rule + "|" + firstWord);
        Add(features, ref n, 30, "inside" + Math.Min(c.CuesInside, 2).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add(features, ref n, 31, cut + "|" + c.Category);
        Add(features, ref n, 25, c.Speaker.IsNone ? "-" : analysis.TokenText(c.Speaker.End - 1).ToString().ToLowerInvariant());

        // The cue's stem pools its inflections ("endorse", "endorsed", "endorsing"); the word before the cue tells
        // infinitives, modals and negation ("to criticize", "would vote", "did not say") from plain reports.
        var stem = Stem(cue);
        var beforeCue = c.Cue.IsNone || c.Cue.Start == 0 ? "none" : BeforeCue(text, c.Cue.Start - 1);
        Add(features, ref n, 37, stem);
        Add(features, ref n, 38, beforeCue);
        Add(features, ref n, 39, stem + "|" + beforeCue);
        Add(features, ref n, 40, stem + "|" + speaker + "|" + c.Kind);
        Add(features, ref n, 41, stem + "|" + firstPos);
        Add(features, ref n, 42, stem + "|" + rule);
        Add(features, ref n, 43, text.EntityTags[c.Content.Start].Type.ToString() + "|" + c.Category);
        Add(features, ref n, 44, first.Length > 0 && char.IsLetter(first[0]) ? first : "punct");

        // Where the content stops: the next word (function words by themselves), and whether a time expression
        // ends the content or follows it ("criticized [the NRA] in February": the gold leaves the date out).
        var nextWord = NextWord(text, c);
        Add(features, ref n, 45, cut + "|" + nextWord);
        Add(features, ref n, 46, c.Category + "|" + nextWord);
        Add(features, ref n, 47, "ends-temporal|" + IsTemporal(analysis.TokenText(c.ContentEnd - 1)) + "|" + cut);
        Add(features, ref n, 48, "coordinated-cue|" + CoordinatedCueInside(text, c));
        return n;
    }

    /// <summary>The cue's head: its last verb, noun or adjective ("pointed" in "pointed out"), lower-cased.</summary>
    internal static string CueHead(TaggedText text, Candidate c)
    {
        for (int t = c.Cue.End - 1; t >= c.Cue.Start; t--)
        {
            if (text.Pos[t] is >= PosTag.VB and <= PosTag.VBZ or PosTag.NN or PosTag.NNS or PosTag.JJ || text.Analysis.TokenText(t) is "according")
            {
                return text.Analysis.TokenText(t).ToString().ToLowerInvariant();
            }
        }

        return text.Analysis.TokenText(c.Cue.End - 1).ToString().ToLowerInvariant();
    }

    /// <summary>The word after the content in its sentence: function words by themselves, others by their tag.</summary>
    private static string NextWord(TaggedText text, Candidate c)
    {
        var analysis = text.Analysis;
        var sentence = analysis.Sentences[AttributionExtractor.SentenceOf(analysis, c.ContentEnd - 1)];
        int t = c.ContentEnd;
        if (t >= sentence.EndToken - 1)
        {
            return "end";
        }

        var word = analysis.TokenText(t).ToString().ToLowerInvariant();
        if (IsTemporal(analysis.TokenText(t)) || (t + 1 < sentence.EndToken && text.Pos[t] == PosTag.IN && IsTemporal(analysis.TokenText(t + 1))))
        {
            return "temporal";
        }

        return text.Pos[t] is PosTag.IN or PosTag.CC or PosTag.TO or PosTag.WDT or PosTag.WP or PosTag.DT ? word : text.Pos[t].ToString();
    }

    /// <summary>Words that make a time expression: "in February", "on Monday", "last week", "earlier this year".</summary>
    internal static bool IsTemporal(ReadOnlySpan<char> word) =>
        word.ToString().ToLowerInvariant() is "monday" or "tuesday" or "wednesday" or "thursday" or "friday" or "saturday" or "sunday"
            or "january" or "february" or "march" or "april" or "may" or "june" or "july" or "august" or "september" or "october" or "november" or "december"
            or "week" or "weeks" or "month" or "months" or "year" or "years" or "today" or "yesterday" or "tomorrow" or "morning" or "afternoon" or "evening"
            or "night" or "weekend" or "tonight" or "earlier" or "later" or "ago";

    /// <summary>True when the content holds "and/but + a cue verb" outside quotations: "said A and added B".</summary>
    private static bool CoordinatedCueInside(TaggedText text, Candidate c)
    {
        var analysis = text.Analysis;
        for (int t = c.Content.Start + 1; t < c.ContentEnd - 1; t++)
        {
            if (text.Pos[t] == PosTag.CC && text.Pos[t + 1] is PosTag.VBD or PosTag.VBZ && analysis.TokenText(t) is "and" or "but"
                && Stem(analysis.TokenText(t + 1).ToString().ToLowerInvariant()) is "add" or "said" or "say" or "told" or "tell" or "warn" or "insist" or "argu" or "call")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A crude inflection-free key for a cue word: "endorsed", "endorses", "endorsing" → "endors".</summary>
    internal static string Stem(string word)
    {
        foreach (var suffix in (ReadOnlySpan<string>)["ing", "ed", "es", "s"])
        {
            if (word.Length > suffix.Length + 2 && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                return word[..^suffix.Length];
            }
        }

        return word;
    }

    /// <summary>The token before the cue: auxiliaries, modals, negation and "to" by their word, others by their tag.</summary>
    private static string BeforeCue(TaggedText text, int token)
    {
        var word = text.Analysis.TokenText(token).ToString().ToLowerInvariant();
        return word is "to" or "not" or "n't" or "never" or "would" or "will" or "could" or "can" or "may" or "might" or "should" or "must"
            or "has" or "have" or "had" or "is" or "was" or "are" or "were" or "did" or "does" or "do" or "also" or "and" or "but" or "who" or ","
            ? word
            : text.Pos[token].ToString();
    }

    /// <summary>What follows the content's end in its sentence: the next two tokens' tags, or "end".</summary>
    private static string AfterEnd(TaggedText text, Candidate c)
    {
        var analysis = text.Analysis;
        var sentence = analysis.Sentences[AttributionExtractor.SentenceOf(analysis, c.ContentEnd - 1)];
        int t = c.ContentEnd;
        if (t >= sentence.EndToken - 1)
        {
            return "end";
        }

        var first = analysis.TokenText(t);
        var second = t + 1 < sentence.EndToken ? text.Pos[t + 1].ToString() : "end";
        return (first.Length == 1 && !char.IsLetterOrDigit(first[0]) ? first.ToString() : text.Pos[t].ToString()) + "+" + second;
    }

    /// <summary>How many tokens of the sentence the content leaves out after its end.</summary>
    private static string RemainingBucket(AnalyzedText analysis, Candidate c)
    {
        var sentence = analysis.Sentences[AttributionExtractor.SentenceOf(analysis, c.ContentEnd - 1)];
        int rest = sentence.EndToken - c.ContentEnd;
        return rest switch { <= 1 => "0", <= 4 => "1-4", <= 10 => "5-10", _ => "11+" };
    }

    private static void Add(Span<ulong> features, ref int n, int template, string value)
    {
        if (n < features.Length)
        {
            features[n++] = FeatureHash.Feature(template + 1000, FeatureHash.Raw(value));
        }
    }
}
