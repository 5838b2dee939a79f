namespace QuoteExtract.Resolution;

/// <summary>
/// Finds coordinated people (<c>Mr. Rubio and Mr. Cruz</c>, <c>Wilcox and Beruff</c>) and makes each pair or
/// list a plural group entity, so that a later <c>they</c> can refer to them together. The group is reported
/// only if a speaker resolves to it.
/// </summary>
internal static class CoordinationFinder
{
    public static void AddClusters(DocumentView doc, IReadOnlyList<NameMention> names, List<EntityCluster> clusters)
    {
        int i = 0;
        while (i < names.Count)
        {
            int j = i;
            bool sawAnd = false;
            while (j + 1 < names.Count && Joined(doc, names[j], names[j + 1], out bool and))
            {
                sawAnd |= and;
                j++;
                if (and)
                {
                    break;
                }
            }

            if (j > i && sawAnd && AllPersons(names, i, j))
            {
                var members = new NameMention[j - i + 1];
                for (int m = 0; m < members.Length; m++)
                {
                    members[m] = names[i + m];
                }

                var name = string.Join(" and ", Array.ConvertAll(members, m => doc.Text[m.Start..m.End]));
                var keys = new List<string>();
                foreach (var member in members)
                {
                    keys.AddRange(member.Keys);
                }

                var cluster = new EntityCluster(EntityKind.Group, name, keys.ToArray()) { Plural = true };
                cluster.Add(new ClusterMention(members[0].FirstToken, members[^1].EndToken, members[0].SpanStart, members[^1].End,
                    MentionForm.Name, NameClusterer.IsSubject(doc, members[0])));
                clusters.Add(cluster);
            }

            i = j + 1;
        }
    }

    private static bool AllPersons(IReadOnlyList<NameMention> names, int first, int last)
    {
        for (int n = first; n <= last; n++)
        {
            if (names[n].Kind != EntityKind.Person)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Two names separated only by a comma or <c>and</c> (and titles of the second name).</summary>
    private static bool Joined(DocumentView doc, NameMention left, NameMention right, out bool and)
    {
        and = false;
        if (left.Possessive || right.FirstToken - left.EndToken > 5 || doc.SentenceOf(left.FirstToken) != doc.SentenceOf(right.FirstToken))
        {
            return false;
        }

        bool separator = false;
        for (int t = left.EndToken; t < right.FirstToken; t++)
        {
            var key = doc.Key(t);
            if (key is "and")
            {
                and = true;
                separator = true;
            }
            else if (key is ",")
            {
                separator = true;
            }
            else if (!(doc.IsAttachedPeriod(t) || Lexicon.Honorifics.ContainsKey(key) || Lexicon.Roles.Contains(key)
                || Lexicon.RoleModifiers.Contains(key) || doc.IsCapitalized(t)))
            {
                return false;
            }
        }

        return separator;
    }
}
