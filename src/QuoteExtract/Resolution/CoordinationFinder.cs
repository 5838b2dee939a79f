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

            if (j > i && sawAnd && names.Skip(i).Take(j - i + 1).All(n => n.Kind == EntityKind.Person))
            {
                var members = names.Skip(i).Take(j - i + 1).ToList();
                var name = string.Join(" and ", members.Select(m => doc.Text[m.Start..m.End]));
                var cluster = new EntityCluster(EntityKind.Group, name, members.SelectMany(m => m.Keys).ToList()) { Plural = true };
                cluster.Add(new ClusterMention(members[0].FirstToken, members[^1].EndToken, members[0].SpanStart, members[^1].End,
                    MentionForm.Name, NameClusterer.IsSubject(doc, members[0])));
                clusters.Add(cluster);
            }

            i = j + 1;
        }
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
            if (key == "and")
            {
                and = true;
                separator = true;
            }
            else if (key == ",")
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
