namespace QuoteExtract.Resolution;

/// <summary>
/// Reads the title chain in front of a name (<c>Russian President</c>, <c>U.S. Secretary of State</c>,
/// <c>campaign spokesman</c>, <c>Mr.</c>): its role words and gender. A chain only counts when it holds a
/// title or honorific, so that <c>In Moscow Putin</c> does not make <c>Moscow</c> a role.
/// </summary>
internal static class TitleChain
{
    private const int MaxLength = 7;

    /// <summary>
    /// Appends the chain's role words to <paramref name="roles"/> (nearest first) and gives its gender; appends nothing
    /// and gives <see cref="Gender.Unknown"/> when the chain holds no title.
    /// </summary>
    public static Gender Before(DocumentView doc, int nameStart, int lowerBound, List<string> roles)
    {
        int kept = roles.Count;
        var gender = Gender.Unknown;
        bool hasTitle = false;
        int taken = 0;
        for (int j = nameStart - 1; j >= lowerBound && taken < MaxLength; j--)
        {
            if (doc.IsAttachedPeriod(j))
            {
                continue;
            }

            if (!doc.IsWord(j) || doc.IsPossessive(j) || doc.EntityTypeAt(j) == Tagging.EntityType.Person)
            {
                break;
            }

            var key = doc.Key(j);
            if (Lexicon.Honorifics.TryGetValue(key, out var g))
            {
                hasTitle = true;
                gender = g != Gender.Unknown ? g : gender;
                if (key is "dr" or "prof")
                {
                    roles.Add(key is "dr" ? "doctor" : "professor");
                }
            }
            else if (Lexicon.Roles.Contains(key))
            {
                hasTitle = true;
                roles.Add(doc.KeyString(j));
                if (Lexicon.GenderedRoles.TryGetValue(key, out var rg))
                {
                    gender = rg;
                }
            }
            else if (Lexicon.RoleModifiers.Contains(key) || IsNameModifier(doc, j))
            {
                if (key is not "of")
                {
                    roles.Add(doc.KeyString(j));
                }
            }
            else
            {
                break;
            }

            taken++;
        }

        if (!hasTitle)
        {
            roles.RemoveRange(kept, roles.Count - kept);
            return Gender.Unknown;
        }

        return gender;
    }

    /// <summary>A capitalised modifier such as a nationality or organisation (<c>Russian</c>, <c>EU</c>, <c>U.S.</c>).</summary>
    private static bool IsNameModifier(DocumentView doc, int j) =>
        doc.IsCapitalized(j) && doc.Key(j) is not ("the" or "a" or "an" or "in" or "on" or "at" or "but" or "and" or "as" or "when" or "after" or "said");
}
