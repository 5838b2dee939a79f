namespace QuoteExtract.Resolution;

/// <summary>
/// Clusters name mentions across the whole text: a later partial name joins the full one
/// (<c>Vladimir Putin</c> … <c>Putin</c>, <c>Li Xin</c> … <c>Li</c>), an organisation's short form or acronym
/// joins it (<c>The New York Post</c> … <c>The Post</c>, <c>European Union</c> … <c>EU</c>).
/// A partial name that fits several entities goes to the one mentioned last.
/// </summary>
internal static class NameClusterer
{
    /// <summary>The entities of <paramref name="mentions"/>; <paramref name="ofMention"/> gets each mention's entity, by the mention's index.</summary>
    public static List<EntityCluster> Cluster(DocumentView doc, List<NameMention> mentions, List<EntityCluster> ofMention)
    {
        // Sized for a document whose names repeat (a few mentions per entity), instead of growing through copies from 4.
        var clusters = new List<EntityCluster>((mentions.Count / 2) + 8);
        foreach (var mention in mentions)
        {
            ofMention.Add(Join(doc, mention, clusters));
        }

        return clusters;
    }

    /// <summary>Adds a name mention to the entity it matches, or to a new entity.</summary>
    public static EntityCluster Join(DocumentView doc, NameMention mention, List<EntityCluster> clusters)
    {
        var cluster = FindMatch(mention, clusters);
        if (cluster is null)
        {
            cluster = new EntityCluster(mention.Kind, Name(doc, mention), mention.Keys)
            {
                Reported = mention.Kind is EntityKind.Person or EntityKind.Organization,
                Plural = mention.Kind == EntityKind.Group,
            };
            clusters.Add(cluster);
        }
        else if ((cluster.Kind == mention.Kind || mention.Kind == EntityKind.Person) && cluster.WouldRename(mention.Keys))
        {
            // The name's string is made only when it becomes the entity's name, not for every repeated mention.
            cluster.Rename(Name(doc, mention), mention.Keys);
        }

        if (mention.Kind == EntityKind.Person && cluster.Kind != EntityKind.Person && mention.Keys.Length > 1)
        {
            // A full personal name outweighs a recognizer's earlier single-token guess.
            cluster.Kind = EntityKind.Person;
            cluster.Reported = true;
        }

        foreach (var role in mention.Roles)
        {
            cluster.AddRole(role);
        }

        if (mention.Gender != Gender.Unknown)
        {
            cluster.StatedGender = mention.Gender;
        }

        cluster.Add(new ClusterMention(mention.FirstToken, mention.EndToken, mention.SpanStart, mention.End, MentionForm.Name, IsSubject(doc, mention)));
        return cluster;
    }

    /// <summary>
    /// The matching entity. A bare surname that fits several people (<c>Trump</c>: Donald or Ivanka) goes to one
    /// whose stated gender does not contradict the mention's honorific, then to the one named last.
    /// </summary>
    private static EntityCluster? FindMatch(NameMention mention, List<EntityCluster> clusters)
    {
        EntityCluster? best = null;
        (int Gender, int Seen) bestKey = (-1, -1);
        WorkMeter.Add(clusters.Count);
        ulong signature = KeyArrays.Signature(mention.Keys);
        bool single = mention.Keys.Length == 1;
        foreach (var cluster in clusters)
        {
            // Names that share no key can only match as acronym and long form, of one kind (not persons), one of them a
            // single key: most pairs fail this test, which costs less than Matches.
            if ((signature & cluster.NameSignature) == 0 && signature != 0
                && (cluster.Kind != mention.Kind || mention.Kind == EntityKind.Person || single == (cluster.NameKeys.Length == 1)))
            {
                continue;
            }

            if (!Matches(mention, cluster))
            {
                continue;
            }

            int seen = -1;
            WorkMeter.Add(cluster.Mentions.Length);
            foreach (var m in cluster.Mentions)
            {
                if (m.Form == MentionForm.Name && m.Start < mention.Start)
                {
                    seen = Math.Max(seen, m.Start);
                }
            }

            int gender = mention.Gender == Gender.Unknown || cluster.StatedGender == Gender.Unknown || cluster.StatedGender == mention.Gender ? 1 : 0;
            var key = (gender, seen);
            if (key.CompareTo(bestKey) > 0)
            {
                best = cluster;
                bestKey = key;
            }
        }

        return best;
    }

    private static bool Matches(NameMention mention, EntityCluster cluster)
    {
        var a = mention.Keys;
        var b = cluster.NameKeys;
        if (KeyArrays.SequenceEqual(a, b))
        {
            return true;
        }

        if (mention.Kind == EntityKind.Person || cluster.Kind == EntityKind.Person)
        {
            // Partial personal names; a mistyped single token ("Clinton" as a location) still joins the person, and a
            // full name joins a name the recognizer took for an organisation ("Donald J. Trump") if that is at most one
            // word longer: a longer one is a title-case headline ("Conservative Icon Morton Blackwell Endorses Ted Cruz")
            // that would otherwise collect every person it names.
            bool sameKind = mention.Kind == cluster.Kind;
            return (sameKind && (IsSubsequence(a, b) || IsSubsequence(b, a)))
                || (!sameKind && cluster.Kind == EntityKind.Person && a.Length == 1 && b.Length > 1 && IsSubsequence(a, b))
                || (!sameKind && mention.Kind == EntityKind.Person && a.Length > 1 && b.Length <= a.Length + 1 && IsSubsequence(a, b));
        }

        if (mention.Kind != cluster.Kind)
        {
            return false;
        }

        if (mention.Kind == EntityKind.Organization && a.Length > 0 && b.Length > 0 && a[^1] == b[^1] && (IsSubsequence(a, b) || IsSubsequence(b, a)))
        {
            return true;
        }

        return IsAcronym(a, b) || IsAcronym(b, a);
    }

    /// <summary>The mention's text as an entity name; a group keeps its article, in lower case (<c>the West</c>).</summary>
    private static string Name(DocumentView doc, NameMention mention)
    {
        if (mention.Kind != EntityKind.Group)
        {
            return doc.Text[mention.Start..mention.End];
        }

        var name = doc.Text.AsSpan()[mention.SpanStart..mention.End];
        return name.StartsWith("The ", StringComparison.Ordinal) ? string.Concat("the", name[3..]) : name.ToString();
    }

    private static bool IsSubsequence(string[] part, string[] whole)
    {
        if (part.Length == 0 || part.Length > whole.Length)
        {
            return false;
        }

        int j = 0;
        foreach (var key in whole)
        {
            if (j < part.Length && part[j] == key)
            {
                j++;
            }
        }

        return j == part.Length;
    }

    /// <summary><c>eu</c> for <c>european union</c>, <c>u.s</c> for <c>united states</c>.</summary>
    private static bool IsAcronym(string[] shortForm, string[] longForm)
    {
        if (shortForm.Length != 1 || longForm.Length < 2)
        {
            return false;
        }

        // The short form's letters must be the long form's initials (stopwords skipped), at least two of them.
        // Compared in step, without building either string: this runs for every name against every entity.
        var letters = shortForm[0];
        int i = 0, matched = 0;
        foreach (var key in longForm)
        {
            if (key.Length == 0 || Lexicon.Stopwords.Contains(key))
            {
                continue;
            }

            while (i < letters.Length && !char.IsLetter(letters[i]))
            {
                i++;
            }

            if (i == letters.Length || letters[i] != key[0])
            {
                return false;
            }

            i++;
            matched++;
        }

        while (i < letters.Length && !char.IsLetter(letters[i]))
        {
            i++;
        }

        return i == letters.Length && matched >= 2;
    }

    /// <summary>
    /// The main subject of its sentence, roughly: the first name of the sentence outside quotation marks and
    /// not inside a prepositional phrase or possessive. It is the likeliest antecedent of a later pronoun
    /// (<c>Ryan said Obama has …. He says …</c> is Ryan).
    /// </summary>
    internal static bool IsSubject(DocumentView doc, NameMention mention)
    {
        if (mention.Possessive || doc.IsQuoted(mention.FirstToken) || IsPremodifier(doc, mention.EndToken))
        {
            return false;
        }

        var sentences = doc.Tagged.Analysis.Sentences;
        int sentenceStart = sentences.Length == 0 ? 0 : sentences[doc.SentenceOf(mention.FirstToken)].FirstToken;
        int before = mention.FirstToken - 1;
        WorkMeter.Add(mention.FirstToken - sentenceStart);
        while (before >= sentenceStart && (doc.IsAttachedPeriod(before) || Lexicon.Roles.Contains(doc.Key(before))
            || Lexicon.Honorifics.ContainsKey(doc.Key(before)) || Lexicon.RoleModifiers.Contains(doc.Key(before)) || doc.IsCapitalized(before)))
        {
            before--;
        }

        if (before >= sentenceStart && doc.Pos(before) is Tagging.PosTag.IN or Tagging.PosTag.TO)
        {
            return false;
        }

        // Inverted attribution ("…," said Putin) makes the name the subject too.
        if (before >= sentenceStart && doc.Key(before) is "said" or "says" or "told" or "added" or "according")
        {
            // "…," said Putin. but not "Ryan said Obama has …" (an embedded subject).
            int after = mention.EndToken;
            bool clauseFollows = after < doc.Count && doc.IsWord(after) && !doc.IsQuoted(after);
            return doc.Key(before) is not "according" && !clauseFollows;
        }

        for (int t = sentenceStart; t <= before; t++)
        {
            if (!doc.IsQuoted(t) && doc.EntityTypeAt(t) is Tagging.EntityType.Person or Tagging.EntityType.Organization
                && (t + 1 >= doc.Count || doc.EntityTypeAt(t + 1) != doc.EntityTypeAt(t)) && !IsPremodifier(doc, t + 1))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A name followed by a noun modifies it (<c>Obama consultant Cornell Belcher</c>, <c>Clinton campaign</c>).</summary>
    private static bool IsPremodifier(DocumentView doc, int next) =>
        next < doc.Count && doc.IsWord(next) && (doc.Pos(next) is Tagging.PosTag.NN or Tagging.PosTag.NNS
            || (doc.Pos(next) is Tagging.PosTag.None && !doc.IsCapitalized(next) && Lexicon.Roles.Contains(doc.Key(next))));
}
