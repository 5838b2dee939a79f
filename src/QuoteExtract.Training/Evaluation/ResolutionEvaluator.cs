using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using QuoteExtract.Resolution;
using QuoteExtract.Tagging;
using QuoteExtract.Text;
using QuoteExtract.Training.Gold;
using QuoteExtract.Training.Silver;

namespace QuoteExtract.Training.Evaluation;

/// <summary>
/// Scores speaker resolution on a PolNeAR split against CoreNLP coreference.
/// <para>
/// Every gold source span of a document is fed to <see cref="SpeakerResolver"/> (so the run of attributions is
/// there), but only sources that are pronouns or nominals are scored: the syntactic head of the span (the token
/// whose basic-dependency head lies outside the span; the last such one) is not NNP/NNPS. A scored source is
/// matched to the coref chain holding a mention with the same span, else one with the same syntactic head; it
/// counts only if such a chain exists and its representative mention is a proper name:
/// the representative's syntactic head is NNP/NNPS.
/// </para>
/// <para>
/// Agreement: with H the representative's head word and R its NNP/NNPS words (lower case, possessive <c>'s</c>
/// dropped), and C the lower-cased words of the resolved entity's canonical name, the prediction agrees when C
/// contains H (the surname or head proper noun) or R contains the last word of C. An unresolved speaker or one
/// resolved to an unnamed entity disagrees.
/// </para>
/// <para>
/// Tagged text comes from the silver layer with <c>--silver-tags</c> (CoreNLP tokens, sentences, POS, NER), else
/// from our text layer and taggers. The scored set is the same in
/// both modes. For local error analysis, <c>QX_RESOLUTION_TRACE=1</c> prints each disagreement with its context
/// to the console (and <c>QX_RESOLUTION_ENTITIES=1</c> the document's entities); nothing is written to files.
/// </para>
/// </summary>
internal static class ResolutionEvaluator
{
    public static int Run(string splitDirectory, bool silverTags, TextWriter output)
    {
        var silver = SilverReader.Read(Path.Combine(splitDirectory, "silver.tsv.gz")).ToDictionary(d => d.Name, StringComparer.Ordinal);
        var coref = ReadCoref(Path.Combine(splitDirectory, "coref.jsonl.gz"));
        var resolver = new SpeakerResolver();
        var tally = new Tally();
        int documents = 0;
        foreach (var gold in BratReader.ReadSplit(splitDirectory))
        {
            if (!silver.TryGetValue(gold.Name, out var silverDocument) || !coref.TryGetValue(gold.Name, out var chains))
            {
                continue;
            }

            documents++;
            var silverTokens = silverDocument.Sentences.SelectMany(s => s).ToList();
            var heads = AbsoluteHeads(silverDocument);
            var tagged = silverTags ? SilverTagging.Build(gold.Text, silverDocument) : Tagger.Default.Tag(TextAnalyzer.Analyze(gold.Text));
            using var view = new DocumentView(tagged);
            var sources = gold.Attributions.Where(a => a.Source.Count > 0).Select(a => (Start: a.Source.Min(s => s.Start), End: a.Source.Max(s => s.End))).ToList();
            var speakers = sources.Select(s => ToMention(view, s.Start, s.End)).ToList();
            var result = resolver.Resolve(tagged, speakers, CancellationToken.None);
            for (int i = 0; i < sources.Count; i++)
            {
                var (start, end) = sources[i];
                int sourceHead = SpanHead(silverTokens, heads, start, end);
                if (sourceHead < 0 || silverTokens[sourceHead].Pos is "NNP" or "NNPS")
                {
                    continue;
                }

                var chain = FindChain(chains, silverTokens, heads, start, end, sourceHead);
                if (chain is null)
                {
                    tally.NoChain++;
                    continue;
                }

                var representative = chain.First(m => m.Representative);
                int representativeHead = SpanHead(silverTokens, heads, representative.Start, representative.End);
                if (representativeHead < 0 || silverTokens[representativeHead].Pos is not ("NNP" or "NNPS"))
                {
                    tally.NotProper++;
                    continue;
                }

                var headWord = Normalize(gold.Text[silverTokens[representativeHead].Start..silverTokens[representativeHead].End]);
                var proper = ProperWords(silverTokens, gold.Text, representative.Start, representative.End);

                var surface = gold.Text[start..end];
                var resolved = result.Speakers[i];
                bool agrees = Agrees(resolved.Entity, headWord, proper);
                tally.Add(surface, representative.Text, resolved.Entity, agrees, gold.Name);
                if (!agrees && Environment.GetEnvironmentVariable("QX_RESOLUTION_TRACE") == "1")
                {
                    // Local error analysis only: prints corpus text to the console, never to a file in the repo.
                    output.WriteLine($"TRACE {gold.Name} '{surface}' -> {resolved.Entity?.Name ?? "-"} / {representative.Text}: …{gold.Text[Math.Max(0, start - 300)..Math.Min(gold.Text.Length, end + 30)].Replace('\n', ' ')}");
                    if (Environment.GetEnvironmentVariable("QX_RESOLUTION_ENTITIES") == "1")
                    {
                        output.WriteLine("  entities: " + string.Join("; ", result.Entities.Select(e => $"{e.Name}/{e.Type}/{e.Gender}/{e.Mentions.Count}")));
                    }
                }
            }
        }

        tally.Print(output, documents, silverTags);
        return 0;
    }

    private static bool Agrees(SpeakerEntity? entity, string head, List<string> proper)
    {
        if (entity is null || entity.Type == EntityKind.Unnamed)
        {
            return false;
        }

        var words = Words(entity.Name);
        return words.Count > 0 && (words.Contains(head) || proper.Contains(words[^1]));
    }

    /// <summary>Document-wide index of each token's basic-dependency head, -1 for the root.</summary>
    private static int[] AbsoluteHeads(SilverDocument document)
    {
        var heads = new List<int>();
        foreach (var sentence in document.Sentences)
        {
            int first = heads.Count;
            heads.AddRange(sentence.Select(t => t.Head == 0 ? -1 : first + t.Head - 1));
        }

        return [.. heads];
    }

    /// <summary>The last token inside [start, end) whose head lies outside it, or -1 when no token is inside.</summary>
    private static int SpanHead(List<SilverToken> tokens, int[] heads, int start, int end)
    {
        int head = -1;
        for (int i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Start < start || tokens[i].End > end)
            {
                continue;
            }

            int h = heads[i];
            if (h < 0 || tokens[h].Start < start || tokens[h].End > end)
            {
                head = i;
            }
        }

        return head;
    }

    private static List<string> Words(string name) =>
        name.Split([' ', '\u00A0', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => Normalize(w))
            .Where(w => w.Length > 0)
            .ToList();

    private static string Normalize(string word)
    {
        var w = word.ToLowerInvariant().Replace('’', '\'');
        if (w.EndsWith("'s", StringComparison.Ordinal))
        {
            w = w[..^2];
        }

        return w.Trim('.', ',', '\'', '"');
    }

    /// <summary>Lower-cased NNP/NNPS words of the tokens inside [start, end).</summary>
    private static List<string> ProperWords(List<SilverToken> tokens, string text, int start, int end) =>
        tokens.Where(t => t.Start >= start && t.End <= end && t.Pos is "NNP" or "NNPS")
            .Select(t => Normalize(text[t.Start..t.End]))
            .Where(w => w.Length > 0)
            .ToList();

    private static SpeakerMention ToMention(DocumentView view, int start, int end)
    {
        int first = view.TokenAtOrAfter(start);
        int last = first;
        while (last < view.Count && view.Start(last) < end)
        {
            last++;
        }

        return last > first ? new SpeakerMention(first, last - first, start, end) : SpeakerMention.None;
    }

    /// <summary>The chain holding a mention with the same syntactic head as the source (the exact span preferred).</summary>
    private static List<CorefMention>? FindChain(List<List<CorefMention>> chains, List<SilverToken> tokens, int[] heads, int start, int end, int sourceHead)
    {
        List<CorefMention>? sameHead = null;
        foreach (var chain in chains)
        {
            foreach (var m in chain)
            {
                if (m.Start == start && m.End == end)
                {
                    return chain;
                }

                if (sameHead is null && m.Start < end && m.End > start && SpanHead(tokens, heads, m.Start, m.End) == sourceHead)
                {
                    sameHead = chain;
                }
            }
        }

        return sameHead;
    }

    private static Dictionary<string, List<List<CorefMention>>> ReadCoref(string path)
    {
        var result = new Dictionary<string, List<List<CorefMention>>>(StringComparer.Ordinal);
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            var chains = json.RootElement.GetProperty("chains").EnumerateArray()
                .Select(c => c.EnumerateArray().Select(m => new CorefMention(
                    m.GetProperty("start").GetInt32(), m.GetProperty("end").GetInt32(),
                    m.GetProperty("text").GetString() ?? "", m.GetProperty("representative").GetBoolean())).ToList())
                .ToList();
            result[json.RootElement.GetProperty("doc").GetString()!] = chains;
        }

        return result;
    }

    private sealed record CorefMention(int Start, int End, string Text, bool Representative);

    /// <summary>Counts by source form (pronoun or nominal) and by error class.</summary>
    private sealed class Tally
    {
        private readonly Dictionary<string, (int Total, int Agreed)> _byForm = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _errors = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (int Total, int Agreed)> _bySurface = new(StringComparer.Ordinal);
        private readonly List<string> _examples = [];

        public int NoChain { get; set; }

        public int NotProper { get; set; }

        public void Add(string surface, string representative, SpeakerEntity? entity, bool agreed, string document)
        {
            var lower = surface.ToLowerInvariant().Trim();
            bool pronoun = Lexicon.Pronouns.ContainsKey(lower.Replace('’', '\''));
            var form = pronoun ? "pronoun" : "nominal";
            Bump(_byForm, form, agreed);
            Bump(_bySurface, pronoun ? lower : "nominal", agreed);
            if (agreed)
            {
                return;
            }

            var error = entity is null ? $"{form}: unresolved"
                : entity.Type == EntityKind.Unnamed ? $"{form}: left unnamed"
                : $"{form}: other entity ({entity.Type.ToString().ToLowerInvariant()})";
            _errors[error] = _errors.GetValueOrDefault(error) + 1;
            if (_examples.Count(e => e.StartsWith(error, StringComparison.Ordinal)) < 10)
            {
                _examples.Add(error + " |" + $"  {document}: '{Flat(surface)}' -> {(entity is null ? "-" : Flat(entity.Name))} (coref: {Flat(representative)})");
            }
        }

        public void Print(TextWriter output, int documents, bool silverTags)
        {
            int total = _byForm.Values.Sum(v => v.Total), agreed = _byForm.Values.Sum(v => v.Agreed);
            output.WriteLine($"tags: {(silverTags ? "silver (CoreNLP tokens, sentences, POS, NER from silver.tsv.gz)" : "ours (TextAnalyzer tokens, Tagger POS and NER)")}");
            output.WriteLine($"documents: {documents}");
            output.WriteLine($"scored sources (pronoun/nominal, coref representative is a proper name): {total}");
            output.WriteLine($"skipped: no coref chain {NoChain}, representative not a proper name {NotProper}");
            output.WriteLine($"resolution-agreement: {Ratio(agreed, total)}");
            foreach (var (form, (t, a)) in _byForm.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                output.WriteLine($"  {form}: {Ratio(a, t)} ({a}/{t})");
            }

            output.WriteLine("by surface:");
            foreach (var (surface, (t, a)) in _bySurface.OrderByDescending(p => p.Value.Total).ThenBy(p => p.Key, StringComparer.Ordinal))
            {
                output.WriteLine($"  {surface}: {Ratio(a, t)} ({a}/{t})");
            }

            output.WriteLine("errors:");
            foreach (var (error, count) in _errors.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
            {
                output.WriteLine($"  {error}: {count}");
            }

            output.WriteLine("examples:");
            foreach (var example in _examples)
            {
                output.WriteLine(example);
            }
        }

        private static void Bump(Dictionary<string, (int Total, int Agreed)> counts, string key, bool agreed)
        {
            var (t, a) = counts.GetValueOrDefault(key);
            counts[key] = (t + 1, a + (agreed ? 1 : 0));
        }

        private static string Ratio(int agreed, int total) =>
            (total == 0 ? 0 : (double)agreed / total).ToString("0.000", CultureInfo.InvariantCulture);

        private static string Flat(string s) => s.Replace('\n', ' ');
    }

    /// <summary>
    /// Builds a <see cref="TaggedText"/> from the CoreNLP silver layer (tokens, sentences, POS, 4-class NER), so that
    /// components downstream of the taggers can be measured before our own taggers exist. Paragraphs break where
    /// the text between two sentences holds a line break.
    /// </summary>
    private static class SilverTagging
    {
        public static TaggedText Build(string text, SilverDocument document)
        {
            var tokens = new List<Token>();
            var pos = new List<PosTag>();
            var ner = new List<EntityType>();
            var sentences = new List<Sentence>();
            var paragraphs = new List<Paragraph>();
            int paragraph = 0, paragraphFirstSentence = 0;
            foreach (var sentence in document.Sentences)
            {
                int first = tokens.Count;
                if (sentences.Count > 0 && text.AsSpan(sentences[^1].End, sentence[0].Start - sentences[^1].End).Contains('\n'))
                {
                    paragraphs.Add(new Paragraph(sentences[paragraphFirstSentence].Start, sentences[^1].End, paragraphFirstSentence, sentences.Count - paragraphFirstSentence));
                    paragraph++;
                    paragraphFirstSentence = sentences.Count;
                }

                foreach (var token in sentence)
                {
                    tokens.Add(new Token(token.Start, token.End - token.Start, KindOf(text, token)));
                    pos.Add(MapPos(token.Pos));
                    ner.Add(token.Ner switch
                    {
                        "PERSON" => EntityType.Person,
                        "ORGANIZATION" => EntityType.Organization,
                        "LOCATION" => EntityType.Location,
                        "MISC" => EntityType.Misc,
                        _ => EntityType.None,
                    });
                }

                sentences.Add(new Sentence(first, tokens.Count - first, tokens[first].Start, tokens[^1].End, paragraph));
            }

            if (sentences.Count > 0)
            {
                paragraphs.Add(new Paragraph(sentences[paragraphFirstSentence].Start, sentences[^1].End, paragraphFirstSentence, sentences.Count - paragraphFirstSentence));
            }

            // Entities: runs of one label within a sentence.
            var tags = new EntityTag[tokens.Count];
            var entities = new List<EntityMention>();
            foreach (var s in sentences)
            {
                int t = s.FirstToken;
                while (t < s.EndToken)
                {
                    if (ner[t] == EntityType.None)
                    {
                        t++;
                        continue;
                    }

                    int end = t + 1;
                    while (end < s.EndToken && ner[end] == ner[t])
                    {
                        end++;
                    }

                    for (int k = t; k < end; k++)
                    {
                        tags[k] = new EntityTag(
                            end - t == 1 ? BilouPosition.Unit : k == t ? BilouPosition.Begin : k == end - 1 ? BilouPosition.Last : BilouPosition.Inside,
                            ner[t]);
                    }

                    entities.Add(new EntityMention(t, end - t, tokens[t].Start, tokens[end - 1].End, ner[t], 1f));
                    t = end;
                }
            }

            var analysis = new AnalyzedText(text, [.. tokens], tokens.Count, [.. sentences], sentences.Count, [.. paragraphs], paragraphs.Count);
            return new TaggedText(analysis, [.. pos], tags, entities);
        }

        public static PosTag MapPos(string tag) => PosTags.Parse(tag);

        private static TokenKind KindOf(string text, SilverToken token)
        {
            char c = text[token.Start];
            return char.IsLetter(c) ? TokenKind.Word
                : char.IsDigit(c) ? TokenKind.Number
                : c is '"' or '“' or '”' or '‘' or '’' or '\'' or '`' ? TokenKind.QuoteMark
                : TokenKind.Punctuation;
        }
    }
}
