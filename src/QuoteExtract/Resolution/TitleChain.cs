namespace QuoteExtract.Resolution;

/// <summary>
/// Reads the title chain in front of a name (<c>Russian President</c>, <c>U.S. Secretary of State</c>,
/// <c>campaign spokesman</c>, <c>Mr.</c>): its role words and gender. A chain only counts when it holds a
/// title or honorific, so that <c>In Moscow Putin</c> does not make <c>Moscow</c> a role.
/// </summary>
internal static class TitleChain
{
    private const int MaxLength = 7;

    public static (List<string> Roles, Gender Gender) Before(DocumentView doc, int nameStart, int lowerBound)
    {
        var roles = new List<string>();
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
                    roles.Add(key == "dr" ? "doctor" : "professor");
                }
            }
            else if (Lexicon.Roles.Contains(key))
            {
                hasTitle = true;
                roles.Add(key);
                if (Lexicon.GenderedRoles.TryGetValue(key, out var rg))
                {
                    gender = rg;
                }
            }
            else if (Lexicon.RoleModifiers.Contains(key) || IsNameModifier(doc, j))
            {
                if (key != "of")
                {
                    roles.Add(key);
                }
            }
            else
            {
                break;
            }

            taken++;
        }

        return hasTitle ? (roles, gender) : ([], Gender.Unknown);
    }

    /// <summary>A capitalised modifier such as a nationality or organisation (<c>Russian</c>, <c>EU</c>, <c>U.S.</c>).</summary>
    private static bool IsNameModifier(DocumentView doc, int j) =>
        doc.IsCapitalized(j) && doc.Key(j) is not ("the" or "a" or "an" or "in" or "on" or "at" or "but" or "and" or "as" or "when" or "after" or "said");
}
