using QuoteExtract.Tagging;

namespace QuoteExtract.Resolution;

/// <summary>
/// Resolves a relative pronoun speaker (<c>Putin, who said …</c>, <c>the ministry, which said …</c>) to the noun
/// phrase right before it: a name, else the nominal ending there.
/// </summary>
internal static class RelativeResolver
{
    private const int MaxPhrase = 6;

    public static (EntityCluster? Cluster, double Confidence) Resolve(
        DocumentView doc, NameIndex names, List<EntityCluster> clusters, int relative, PreviousSpeaker previous)
    {
        int last = relative - 1;
        while (last >= 0 && doc.Key(last) is "," or "(" or "-" or "—" or "–")
        {
            last--;
        }

        if (last < 0 || !doc.IsWord(last))
        {
            return (null, 0);
        }

        WorkMeter.Add(names.Count);
        for (int i = 0; i < names.Count; i++)
        {
            var name = names[i];
            if (name.EndToken == last + 1 && !name.Possessive)
            {
                var cluster = names.ClusterOf(i);
                cluster.Add(Mention(doc, relative, MentionForm.Pronoun));
                return (cluster, 0.85);
            }
        }

        int first = last;
        while (first > 0 && last - first < MaxPhrase && doc.IsWord(first - 1)
            && doc.Pos(first - 1) is not (PosTag.VBD or PosTag.VBZ or PosTag.VBP or PosTag.VB or PosTag.IN or PosTag.TO or PosTag.CC or PosTag.PRP)
            && !Lexicon.PhraseBreakers.Contains(doc.Key(first - 1)))
        {
            first--;
        }

        var phrase = new SpeakerMention(first, last - first + 1, doc.Start(first), doc.End(last));
        var (nominal, confidence) = NominalResolver.Resolve(doc, clusters, phrase, previous);
        nominal.Add(Mention(doc, relative, MentionForm.Pronoun));
        return (nominal, confidence * 0.9);
    }

    private static ClusterMention Mention(DocumentView doc, int token, MentionForm form) =>
        new(token, token + 1, doc.Start(token), doc.End(token), form, Subject: true);
}
