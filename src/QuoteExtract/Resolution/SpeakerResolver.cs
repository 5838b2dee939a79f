using System.Buffers;
using System.Globalization;
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

    // Ids e1 … e127: every document numbers its entities from e1, so these would otherwise be made again per document.
    private static readonly string[] EntityIds = [.. Enumerable.Range(0, 128).Select(n => string.Create(CultureInfo.InvariantCulture, $"e{n}"))];

    public ResolutionResult Resolve(TaggedText text, IReadOnlyList<SpeakerMention> speakers, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(speakers);
        if (text.Analysis.Tokens.Length == 0)
        {
            return new ResolutionResult([], speakers.Select(_ => new ResolvedSpeaker(null, 0)).ToArray());
        }

        using var doc = new DocumentView(text);
        WorkMeter.Add(doc.Count);
        var names = NameMentionFinder.Find(doc, ct);
        var ofName = new List<EntityCluster>(names.Count);
        var clusters = NameClusterer.Cluster(doc, names, ofName);
        CoordinationFinder.AddClusters(doc, names, clusters);
        UnnamedSourceFinder.AddClusters(doc, clusters, ct);
        var clipped = new SpeakerMention[speakers.Count];
        for (int i = 0; i < clipped.Length; i++)
        {
            clipped[i] = Clip(doc, speakers[i]);
        }

        var nameIndex = new NameIndex(names, ofName);
        var speakerTokens = ArrayPool<bool>.Shared.Rent(doc.Count);
        try
        {
            MarkSpeakerTokens(clipped, speakerTokens, doc.Count);
            RoleNominalFinder.AddMentions(doc, clusters, speakerTokens, ct);
            GenderEvidence.Collect(doc, clusters, speakerTokens, ct);
        }
        finally
        {
            ArrayPool<bool>.Shared.Return(speakerTokens);
        }

        // Speakers in text order, so that "the previous speaker" is the one before in the text (ties in input order).
        var order = new int[speakers.Count];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) => speakers[a].Start != speakers[b].Start ? speakers[a].Start.CompareTo(speakers[b].Start) : a.CompareTo(b));
        var resolved = new (EntityCluster? Cluster, double Confidence)[speakers.Count];
        var previous = new PreviousSpeaker(null, 0);
        foreach (var index in order)
        {
            ct.ThrowIfCancellationRequested();
            var speaker = clipped[index];
            if (speaker.IsAbsent)
            {
                continue;
            }

            var (cluster, confidence) = ResolveOne(doc, nameIndex, clusters, speaker, previous);
            resolved[index] = (cluster, confidence);
            if (cluster is not null)
            {
                cluster.Reported = true;
                previous = new PreviousSpeaker(cluster, doc.SentenceOf(speaker.FirstToken), speaker.FirstToken);
            }
        }

        var result = Build(doc, clusters, resolved);

        // Only on success: after an exception (cancellation) the clusters' storage is left to the collector.
        foreach (var cluster in clusters)
        {
            cluster.Release();
        }

        return result;
    }

    /// <summary>Marks the tokens of the speaker spans among the first <paramref name="count"/> flags (all of which are written).</summary>
    private static void MarkSpeakerTokens(SpeakerMention[] speakers, bool[] marks, int count)
    {
        Array.Clear(marks, 0, count);
        foreach (var s in speakers)
        {
            if (!s.IsAbsent)
            {
                Array.Fill(marks, true, s.FirstToken, s.TokenCount);
            }
        }
    }

    private static (EntityCluster? Cluster, double Confidence) ResolveOne(
        DocumentView doc, NameIndex names, List<EntityCluster> clusters, SpeakerMention speaker, PreviousSpeaker previous)
    {
        int name = SpeakerNames.HeadName(doc, names, speaker);
        if (name >= 0)
        {
            return (names.ClusterOf(name), NameConfidence);
        }

        int relative = SingleWord(doc, speaker);
        if (relative >= 0 && doc.Key(relative) is "who" or "which" or "whom" or "that")
        {
            return RelativeResolver.Resolve(doc, names, clusters, relative, previous);
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

        var surname = SpeakerNames.KnownNameWord(doc, clusters, speaker);
        if (surname is not null)
        {
            return (surname, 0.8);
        }

        var proper = SpeakerNames.UntaggedName(doc, speaker);
        if (proper is not null)
        {
            var cluster = NameClusterer.Join(doc, proper, clusters);
            names.Add(proper, cluster);
            return (cluster, 0.8);
        }

        var (nominal, nominalConfidence) = NominalResolver.Resolve(doc, clusters, speaker, previous);
        nominal.Add(new ClusterMention(speaker.FirstToken, speaker.EndToken, speaker.Start, speaker.End,
            nominal.Kind == EntityKind.Unnamed ? MentionForm.Description : MentionForm.Nominal, Subject: true));
        return (nominal, nominalConfidence);
    }

    private static int SinglePronoun(DocumentView doc, SpeakerMention speaker)
    {
        int word = SingleWord(doc, speaker);
        return word >= 0 && Lexicon.Pronouns.ContainsKey(doc.Key(word)) ? word : -1;
    }

    internal static int SingleWord(DocumentView doc, SpeakerMention speaker)
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

    /// <summary>
    /// The span from <paramref name="start"/> to <paramref name="end"/>, its text shared with the entity's name or a
    /// recent mention of the entity that reads the same (an entity is named the same way over and over: one string,
    /// not one per mention).
    /// </summary>
    /// <param name="text">The document.</param>
    /// <param name="name">The entity's name.</param>
    /// <param name="earlier">The entity's mentions already built.</param>
    /// <param name="start">Start offset.</param>
    /// <param name="end">End offset.</param>
    private static TextSpan Mention(string text, string name, ReadOnlySpan<TextSpan> earlier, int start, int end)
    {
        // Only the last few are searched, so that a large entity costs linear time; repeats are seldom far apart.
        const int Window = 16;
        var chars = text.AsSpan(start, end - start);
        if (chars.SequenceEqual(name))
        {
            return new TextSpan(start, end, name);
        }

        for (int m = earlier.Length - 1; m >= Math.Max(0, earlier.Length - Window); m--)
        {
            if (chars.SequenceEqual(earlier[m].Text))
            {
                return new TextSpan(start, end, earlier[m].Text);
            }
        }

        return TextSpan.Of(text, start, end);
    }

    /// <summary>The id of the <paramref name="n"/>th reported entity (<c>e1</c>, <c>e2</c>, …), the common ones made once.</summary>
    private static string EntityId(int n) => n < EntityIds.Length ? EntityIds[n] : string.Create(CultureInfo.InvariantCulture, $"e{n}");

    private static ResolutionResult Build(DocumentView doc, List<EntityCluster> clusters, (EntityCluster? Cluster, double Confidence)[] resolved)
    {
        // The reported entities by their first mention; on ties in list order (each key holds the list index).
        var order = new List<long>();
        for (int c = 0; c < clusters.Count; c++)
        {
            if (clusters[c].Reported && clusters[c].Mentions.Length > 0)
            {
                order.Add(((long)clusters[c].FirstStart << 32) | (uint)c);
            }
        }

        order.Sort();
        var list = new List<SpeakerEntity>(order.Count);
        foreach (long key in order)
        {
            var cluster = clusters[(int)(uint)key];

            // A cluster's mentions have distinct character ranges, so any sort gives the same order.
            cluster.SortMentionsByOffset();
            var ranges = cluster.Mentions;
            var mentions = new TextSpan[ranges.Length];
            for (int m = 0; m < ranges.Length; m++)
            {
                mentions[m] = Mention(doc.Text, cluster.Name, mentions.AsSpan(0, m), ranges[m].Start, ranges[m].End);
            }

            cluster.ReportedIndex = list.Count;
            list.Add(new SpeakerEntity(EntityId(list.Count + 1), cluster.Name, cluster.Kind, cluster.Gender, mentions));
        }

        var speakers = new ResolvedSpeaker[resolved.Length];
        for (int i = 0; i < resolved.Length; i++)
        {
            var (cluster, confidence) = resolved[i];
            speakers[i] = cluster is { ReportedIndex: >= 0 } ? new ResolvedSpeaker(list[cluster.ReportedIndex], confidence) : new ResolvedSpeaker(null, 0);
        }

        return new ResolutionResult(list, speakers);
    }
}
