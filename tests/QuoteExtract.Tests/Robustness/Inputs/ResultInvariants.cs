using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;
using QuoteExtract.Serialization;

namespace QuoteExtract.Tests.Robustness.Inputs;

/// <summary>
/// What must hold for any input whatsoever: every span lies inside the text, on UTF-16 character boundaries, with
/// the text it claims; quotes are ordered; a direct quote's content starts at a quotation mark; confidences are
/// probabilities; entity references resolve. Throws <see cref="InvariantViolationException"/> (no assertion
/// library, so that the fuzz harness can share it).
/// </summary>
internal static class ResultInvariants
{
    /// <summary>Characters that open a quotation (a direct content starts at one).</summary>
    private const string OpeningMarks = "“‘«„‹\"'`”’»›";

    public static void Check(string text, QuoteExtractionResult result)
    {
        Require(result?.Quotes is not null && result.Entities is not null && result.Diagnostics is not null, "result or a list is null");
        var entityIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entity in result.Entities)
        {
            Require(entityIds.Add(entity.Id), $"entity id {entity.Id} is not unique");
            Require(!string.IsNullOrEmpty(entity.Name), $"entity {entity.Id} has no name");
            int previous = -1;
            foreach (var mention in entity.Mentions)
            {
                CheckSpan(text, mention, $"mention of {entity.Id}");
                Require(mention.Start >= previous, $"mentions of {entity.Id} are not in document order");
                previous = mention.Start;
            }
        }

        int lastStart = -1;
        foreach (var quote in result.Quotes)
        {
            CheckSpan(text, quote.Content, "content");
            Require(quote.Content.Length > 0, "empty content");
            Require(quote.Content.Start >= lastStart, $"quotes are not ordered by content start ({quote.Content.Start} after {lastStart})");
            lastStart = quote.Content.Start;
            if (quote.Cue is { } cue)
            {
                CheckSpan(text, cue, "cue");
            }

            if (quote.Speaker is { } speaker)
            {
                CheckSpan(text, speaker, "speaker");
            }

            if (quote.ContentFragments is { } fragments)
            {
                Require(fragments.Count >= 2, "a fragment list with fewer than two fragments");
                int end = quote.Content.Start;
                foreach (var fragment in fragments)
                {
                    CheckSpan(text, fragment, "content fragment");
                    Require(fragment.Start >= end && fragment.End <= quote.Content.End, "fragments overlap or leave the content span");
                    end = fragment.End;
                }
            }

            if (quote.Kind == QuoteKind.Direct)
            {
                // The content of a direct quote includes its opening quotation mark.
                Require(OpeningMarks.Contains(text[quote.Content.Start], StringComparison.Ordinal),
                    $"direct content at {quote.Content.Start} does not start at a quotation mark");
            }

            Require(quote.Confidence is >= 0 and <= 1, $"confidence {quote.Confidence} out of [0, 1]");
            Require(quote.EntityConfidence is null or (>= 0 and <= 1), $"entity confidence {quote.EntityConfidence} out of [0, 1]");
            Require(quote.Entity is null || entityIds.Contains(quote.Entity.Id), $"quote entity {quote.Entity?.Id} is not in the entity list");
        }

        foreach (var diagnostic in result.Diagnostics)
        {
            Require(!string.IsNullOrEmpty(diagnostic.Code) && !string.IsNullOrEmpty(diagnostic.Message), "diagnostic without code or message");
            Require(diagnostic.Offset is null || (diagnostic.Offset >= 0 && diagnostic.Offset <= text.Length), $"diagnostic offset {diagnostic.Offset} outside the text");
        }
    }

    /// <summary>Everything the result says, as one string, to compare runs for determinism.</summary>
    public static string Fingerprint(QuoteExtractionResult result)
    {
        var json = new StringBuilder(JsonSerializer.Serialize(QuoteDocument.From("doc", result), QuoteJsonContext.Default.QuoteDocument));
        foreach (var d in result.Diagnostics)
        {
            json.Append('\n').Append(d.Code).Append(' ').Append(d.Offset?.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(d.Message);
        }

        return json.ToString();
    }

    /// <summary>True when no surrogate pair is split at <paramref name="offset"/>.</summary>
    public static bool IsCharacterBoundary(string text, int offset) =>
        offset <= 0 || offset >= text.Length || !(char.IsHighSurrogate(text[offset - 1]) && char.IsLowSurrogate(text[offset]));

    private static void CheckSpan(string text, TextSpan span, string what)
    {
        Require(span.Start >= 0 && span.Start <= span.End && span.End <= text.Length, $"{what} [{span.Start}, {span.End}) outside the text of length {text.Length}");
        Require(IsCharacterBoundary(text, span.Start) && IsCharacterBoundary(text, span.End), $"{what} [{span.Start}, {span.End}) splits a surrogate pair");
        Require(string.Equals(span.Text, text[span.Start..span.End], StringComparison.Ordinal), $"{what} [{span.Start}, {span.End}) text differs from the document");
    }

    private static void Require([DoesNotReturnIf(false)] bool condition, string message)
    {
        if (!condition)
        {
            throw new InvariantViolationException(message);
        }
    }
}

/// <summary>A result broke one of the <see cref="ResultInvariants"/>.</summary>
internal sealed class InvariantViolationException(string message) : Exception(message);
