namespace QuoteExtract;

/// <summary>
/// Cuts a long text into sections of at most a given length, each ending at the best break in its second half:
/// a blank line, else a line break, else a sentence end, else a space; a text with none of these is cut hard,
/// but never between the halves of a surrogate pair. The document-wide stages (attribution selection, speaker
/// resolution) compare candidates and mentions with each other, so bounding their input bounds their cost and
/// keeps extraction linear in the length of the text.
/// </summary>
internal static class DocumentSections
{
    /// <summary>The sections of <paramref name="text"/> as (start, length), in order and covering it.</summary>
    public static List<(int Start, int Length)> Split(string text, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        var sections = new List<(int, int)>(1 + (text.Length / maxLength));
        int start = 0;
        while (text.Length - start > maxLength)
        {
            int end = Cut(text, start + (maxLength / 2), start + maxLength);
            sections.Add((start, end - start));
            start = end;
        }

        sections.Add((start, text.Length - start));
        return sections;
    }

    /// <summary>Where to end a section that must end in (<paramref name="low"/>, <paramref name="limit"/>].</summary>
    private static int Cut(string text, int low, int limit)
    {
        // A blank line: a line break whose line holds only blanks.
        for (int i = limit - 1; i > low; i--)
        {
            if (text[i] != '\n')
            {
                continue;
            }

            int j = i - 1;
            while (j > low && text[j] is ' ' or '\t' or '\r')
            {
                j--;
            }

            if (text[j] == '\n')
            {
                return i + 1;
            }

            i = j + 1; // the blanks just passed hold no line break
        }

        int cut = text.LastIndexOf('\n', limit - 1, limit - low);
        if (cut > low)
        {
            return cut + 1;
        }

        for (int i = limit - 2; i > low; i--)
        {
            if (text[i] is '.' or '!' or '?' && char.IsWhiteSpace(text[i + 1]))
            {
                return i + 1;
            }
        }

        for (int i = limit - 1; i > low; i--)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                return i + 1;
            }
        }

        return char.IsLowSurrogate(text[limit]) && char.IsHighSurrogate(text[limit - 1]) ? limit - 1 : limit;
    }
}
