using QuoteExtract.Tagging;

namespace QuoteExtract.Resolution;

/// <summary>
/// Reads the role a name is given right after it: an appositive (<c>Nabila Massrali, EU spokesperson,</c>),
/// a parenthetical (<c>Li Xin (director of …)</c>) or a copula (<c>Yuri Ushakov is Putin’s foreign policy adviser</c>).
/// The role belongs to the named person, not to a possessor inside it.
/// </summary>
internal static class RolePhrase
{
    private const int MaxLength = 10;

    /// <summary>Appends the phrase's words (lower-case keys, function words left out) to <paramref name="roles"/>; appends nothing unless it has a role head.</summary>
    public static void After(DocumentView doc, int nameEnd, List<string> roles)
    {
        int i = nameEnd;
        if (i >= doc.Count)
        {
            return;
        }

        var first = doc.Key(i);
        if (first is "," or "(" or "-" or "—" or "–")
        {
            i++;
        }
        else if (first is "is" or "was")
        {
            i++;
            if (i < doc.Count && doc.Key(i) is "now" or "also")
            {
                i++;
            }
        }
        else
        {
            return;
        }

        int kept = roles.Count;
        bool hasRole = false;
        bool headDone = false;
        for (int n = 0; i < doc.Count && n < MaxLength; i++, n++)
        {
            if (doc.IsAttachedPeriod(i))
            {
                continue;
            }

            if (!doc.IsWord(i))
            {
                if (doc.IsPossessive(i - 1))
                {
                    continue;
                }

                break;
            }

            var key = doc.Key(i);
            var pos = doc.Pos(i);
            if (pos is PosTag.VBD or PosTag.VBZ or PosTag.VBP or PosTag.MD || key is "said" or "says" or "told" or "who")
            {
                break;
            }

            if (Lexicon.PhraseBreakers.Contains(key))
            {
                // Words after "of"/"for" qualify the head (director of the institute) but are not the head.
                headDone = true;
            }

            if (Lexicon.Stopwords.Contains(key) || doc.EntityTypeAt(i) == EntityType.Person)
            {
                continue;
            }

            if (!headDone && (Lexicon.Roles.Contains(key) || pos is PosTag.NN))
            {
                hasRole = true;
            }

            roles.Add(doc.KeyString(i));
        }

        if (!hasRole)
        {
            roles.RemoveRange(kept, roles.Count - kept);
        }
    }
}
