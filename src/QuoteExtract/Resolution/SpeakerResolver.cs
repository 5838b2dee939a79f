using QuoteExtract.Tagging;

namespace QuoteExtract.Resolution;

/// <summary>
/// Resolves the speakers of a document's attributions to its entities. Entities come from the recognizer's
/// name mentions clustered over the whole text, from unnamed-source descriptions, and from the speakers
/// themselves; pronouns and role nominals are resolved by agreement and salience. Stateless and thread-safe:
/// all working state lives inside one <see cref="Resolve"/> call.
/// </summary>
internal sealed class SpeakerResolver
{
    private const double NameConfidence = 0.95;

    public ResolutionResult Resolve(TaggedText text, IReadOnlyList<SpeakerMention> speakers, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(speakers);
        if (text.Analysis.Tokens.Length == 0)
        {
            return new ResolutionResult([], speakers.Select(_ => new ResolvedSpeaker(null, 0)).ToArray());
        }

        var doc = new DocumentView(text);
        var names = NameMentionFinder.Find(doc, ct);
        var byMention = new Dictionary<NameMention, EntityCluster>(ReferenceEqualityComparer.Instance);
        var clusters = NameClusterer.Cluster(doc, names, byMention);
        CoordinationFinder.AddClusters(doc, names, clusters);
        UnnamedSourceFinder.AddClusters(doc, clusters, ct);
        var speakerTokens = speakers.Where(s => !s.IsAbsent).SelectMany(s => Enumerable.Range(s.FirstToken, s.TokenCount)).ToHashSet();
        RoleNominalFinder.AddMentions(doc, clusters, speakerTokens, ct);
        GenderEvidence.Collect(doc, clusters, speakerTokens, new PreviousSpeaker(null, 0), ct);

        // Speakers in text order, so that "the previous speaker" is the one before in the text.
        var order = Enumerable.Range(0, speakers.Count).OrderBy(i => speakers[i].Start).ThenBy(i => i).ToArray();
        var resolved = new (EntityCluster? Cluster, double Confidence)[speakers.Count];
        var previous = new PreviousSpeaker(null, 0);
        foreach (var index in order)
        {
            ct.ThrowIfCancellationRequested();
            var speaker = Clip(doc, speakers[index]);
            if (speaker.IsAbsent)
            {
                continue;
            }

            var (cluster, confidence) = ResolveOne(doc, names, byMention, clusters, speaker, previous);
            resolved[index] = (cluster, confidence);
            if (cluster is not null)
            {
                cluster.Reported = true;
                previous = new PreviousSpeaker(cluster, doc.SentenceOf(speaker.FirstToken), speaker.FirstToken);
            }
        }

        return Build(doc, clusters, resolved);
    }

    private static (EntityCluster? Cluster, double Confidence) ResolveOne(
        DocumentView doc, List<NameMention> names, Dictionary<NameMention, EntityCluster> byMention,
        List<EntityCluster> clusters, SpeakerMention speaker, PreviousSpeaker previous)
    {
        var name = HeadName(doc, names, speaker);
        if (name is not null)
        {
            return (byMention[name], NameConfidence);
        }

        int relative = SingleWord(doc, speaker);
        if (relative >= 0 && doc.Key(relative) is "who" or "which" or "whom" or "that")
        {
            return RelativeResolver.Resolve(doc, names, byMention, clusters, relative, previous);
        }

        int pronoun = SinglePronoun(doc, speaker);
        if (pronoun >= 0)
        {
            var kind = Lexicon.Pronouns[doc.Key(pronoun)];
            var (cluster, confidence) = PronounResolver.Resolve(doc, clusters, pronoun, kind, previous);
            if (cluster is not null)
            {
                if (kind is PronounKind.Male or PronounKind.Female && confidence >= 0.5)
                {
                    // Only a clear resolution votes, or one wrong guess would spread to the next pronouns.
                    cluster.VoteGender(kind == PronounKind.Male ? Gender.Male : Gender.Female, 1);
                }

                cluster.Add(new ClusterMention(speaker.FirstToken, speaker.EndToken, speaker.Start, speaker.End, MentionForm.Pronoun, Subject: true));
            }

            return (cluster, confidence);
        }

        var surname = KnownNameWord(doc, clusters, speaker);
        if (surname is not null)
        {
            return (surname, 0.8);
        }

        var proper = UntaggedName(doc, speaker);
        if (proper is not null)
        {
            names.Add(proper);
            var cluster = NameClusterer.Join(doc, proper, clusters);
            byMention[proper] = cluster;
            return (cluster, 0.8);
        }

        var (nominal, nominalConfidence) = NominalResolver.Resolve(doc, clusters, speaker, previous);
        nominal.Add(new ClusterMention(speaker.FirstToken, speaker.EndToken, speaker.Start, speaker.End,
            nominal.Kind == EntityKind.Unnamed ? MentionForm.Description : MentionForm.Nominal, Subject: true));
        return (nominal, nominalConfidence);
    }

    /// <summary>
    /// The name the speaker span is about: not a possessor (<c>Putin’s adviser</c>), not a premodifier
    /// (<c>Clinton campaign spokesman Brian Fallon</c>), not inside a prepositional phrase (<c>a spokesman for Clinton</c>).
    /// </summary>
    private static NameMention? HeadName(DocumentView doc, List<NameMention> names, SpeakerMention speaker)
    {
        NameMention? first = null;
        foreach (var name in names)
        {
            if (name.Start <= speaker.Start && name.End >= speaker.End)
            {
                // The speaker is (part of) a name: "Putin" inside "Vladimir Putin".
                return name;
            }
        }

        foreach (var name in names)
        {
            if (name.Start < speaker.Start || name.End > speaker.End || name.Possessive)
            {
                continue;
            }

            if (InsideClause(doc, speaker.FirstToken, name.FirstToken))
            {
                continue;
            }

            int next = name.EndToken;
            if (next < speaker.EndToken && doc.IsWord(next) && !doc.IsCapitalized(next)
                && doc.Pos(next) is PosTag.NN or PosTag.NNS or PosTag.None && !Lexicon.PhraseBreakers.Contains(doc.Key(next))
                && !Lexicon.Stopwords.Contains(doc.Key(next)))
            {
                continue;
            }

            int before = name.FirstToken - 1;
            while (before >= speaker.FirstToken && (doc.IsAttachedPeriod(before) || (doc.IsWord(before) && doc.IsCapitalized(before))
                || Lexicon.Roles.Contains(doc.Key(before)) || (Lexicon.RoleModifiers.Contains(doc.Key(before)) && doc.Key(before) != "of")
                || doc.Key(before) is "the" or "a" or "an"))
            {
                before--;
            }

            if (before >= speaker.FirstToken && doc.Key(before) is "for" or "of" or "at" or "from" or "with" or "to" or "by" or "in" or "on")
            {
                continue;
            }

            // A person named anywhere in the span is the speaker rather than an organisation before it
            // ("the director of the FBI, James Comey").
            if (name.Kind == EntityKind.Person)
            {
                return name;
            }

            first ??= name;
        }

        return first;
    }

    /// <summary>
    /// A speaker whose head is a proper noun the recognizer did not tag (<c>Kunin said</c>): a name of a person,
    /// unless its head is a word for a group, organisation or role.
    /// </summary>
    private static NameMention? UntaggedName(DocumentView doc, SpeakerMention speaker)
    {
        var phrase = NominalPhrase.Parse(doc, speaker.FirstToken, speaker.EndToken);
        int head = phrase.HeadToken;
        if (head < 0 || !NameMentionFinder.IsProperNoun(doc, head) || doc.IsPossessive(head) || phrase.IsIndefinite
            || Lexicon.UnnamedHeads.Contains(phrase.Head) || Lexicon.OrganizationHeads.Contains(phrase.Head) || Lexicon.GroupNames.Contains(phrase.Head)
            || Lexicon.Pronouns.ContainsKey(phrase.Head))
        {
            return null;
        }

        int first = head;
        while (first > speaker.FirstToken && NameMentionFinder.IsProperNoun(doc, first - 1) && head - first < 3)
        {
            first--;
        }

        return NameMentionFinder.Build(doc, first, head + 1, EntityKind.Person);
    }

    /// <summary>
    /// A single capitalised word that is part of a person's name (<c>Day</c> for Kristen Day, <c>Small</c> for Marty
    /// Small), even when the tagger took it for a common word.
    /// </summary>
    private static EntityCluster? KnownNameWord(DocumentView doc, List<EntityCluster> clusters, SpeakerMention speaker)
    {
        int word = SingleWord(doc, speaker);
        if (word < 0 || !doc.IsCapitalized(word) || Lexicon.Pronouns.ContainsKey(doc.Key(word)))
        {
            return null;
        }

        var key = doc.Key(word);
        EntityCluster? best = null;
        int bestSeen = -1;
        foreach (var cluster in clusters)
        {
            if (cluster.Kind != EntityKind.Person || cluster.NameKeys.Count < 2 || !cluster.NameKeys.Contains(key))
            {
                continue;
            }

            int seen = cluster.Mentions.Where(m => m.Start < speaker.Start).Select(m => m.Start).DefaultIfEmpty(-1).Max();
            if (seen > bestSeen)
            {
                best = cluster;
                bestSeen = seen;
            }
        }

        best?.Add(new ClusterMention(speaker.FirstToken, speaker.EndToken, speaker.Start, speaker.End, MentionForm.Name, Subject: true));
        return best;
    }

    /// <summary>A name after a relative pronoun or an example marker belongs to a modifier (<c>the alliance, which includes X</c>).</summary>
    private static bool InsideClause(DocumentView doc, int from, int to)
    {
        for (int t = from; t < to; t++)
        {
            if (doc.Key(t) is "which" or "who" or "whose" or "that" or "like" or "including" or "such")
            {
                return true;
            }
        }

        return false;
    }

    private static int SinglePronoun(DocumentView doc, SpeakerMention speaker)
    {
        int word = SingleWord(doc, speaker);
        return word >= 0 && Lexicon.Pronouns.ContainsKey(doc.Key(word)) ? word : -1;
    }

    private static int SingleWord(DocumentView doc, SpeakerMention speaker)
    {
        int found = -1;
        for (int t = speaker.FirstToken; t < speaker.EndToken; t++)
        {
            if (!doc.IsWord(t))
            {
                continue;
            }

            if (found >= 0)
            {
                return -1;
            }

            found = t;
        }

        return found;
    }

    /// <summary>Keeps token indices inside the document (a caller may pass a stale range).</summary>
    private static SpeakerMention Clip(DocumentView doc, SpeakerMention speaker)
    {
        if (speaker.IsAbsent || speaker.FirstToken >= doc.Count || speaker.FirstToken < 0)
        {
            return SpeakerMention.None;
        }

        int end = Math.Min(speaker.EndToken, doc.Count);
        return speaker with { TokenCount = end - speaker.FirstToken };
    }

    private static ResolutionResult Build(DocumentView doc, List<EntityCluster> clusters, (EntityCluster? Cluster, double Confidence)[] resolved)
    {
        var reported = clusters.Where(c => c.Reported && c.Mentions.Count > 0)
            .OrderBy(c => c.FirstStart)
            .ToList();
        var entities = new Dictionary<EntityCluster, SpeakerEntity>(ReferenceEqualityComparer.Instance);
        var list = new List<SpeakerEntity>(reported.Count);
        foreach (var cluster in reported)
        {
            var mentions = cluster.Mentions
                .OrderBy(m => m.Start).ThenBy(m => m.End)
                .Select(m => TextSpan.Of(doc.Text, m.Start, m.End))
                .ToArray();
            var entity = new SpeakerEntity($"e{list.Count + 1}", cluster.Name, cluster.Kind, cluster.Gender, mentions);
            entities[cluster] = entity;
            list.Add(entity);
        }

        var speakers = resolved
            .Select(r => r.Cluster is not null && entities.TryGetValue(r.Cluster, out var e) ? new ResolvedSpeaker(e, r.Confidence) : new ResolvedSpeaker(null, 0))
            .ToArray();
        return new ResolutionResult(list, speakers);
    }
}
