using System.Globalization;
using QuoteExtract.Attribution;
using QuoteExtract.Matching;
using QuoteExtract.Resolution;
using QuoteExtract.Tagging;
using QuoteExtract.Text;

namespace QuoteExtract;

/// <summary>
/// Runs the layers in order: text → tokens → tags → matches → attributions → resolved speakers → records.
/// Holds only immutable, shared state (the grammar is compiled once per extractor), so one instance serves every thread.
/// </summary>
internal sealed class ExtractionPipeline
{
    private readonly QuoteExtractorOptions _options;
    private readonly AttributionExtractor _attributions;
    private readonly SpeakerResolver _resolver = new();

    /// <summary>Text buffers grown past this many tokens (about 80,000 characters of news) are dropped, not pooled.</summary>
    private const int MaxPooledTokens = 16_384;

    // A group (RunSections) holds one set of text buffers per document until its records are built, so the pool keeps
    // a group's worth per thread; with one set per thread, all but the first two of a group were new arrays each time.
    // A set only grows, so the rare long document's set is dropped rather than kept for the life of the extractor.
    private readonly ScratchPool<TextBuffers> _textBuffers = new(static () => new TextBuffers(), DocumentGroups.MaxDocuments);

    public ExtractionPipeline(QuoteExtractorOptions options)
    {
        _options = options;
        _attributions = new AttributionExtractor(AttributionGrammar.Create(options), AttributionScorer.Default);
    }

    /// <summary>
    /// Extracts from <paramref name="text"/>: cut to <see cref="QuoteExtractorOptions.MaxDocumentLength"/> (with a
    /// <c>text-truncated</c> diagnostic), then section by section when it is longer than a section (with a
    /// <c>text-sectioned</c> diagnostic). <paramref name="inputWasLonger"/> says the caller stopped reading a longer
    /// input, so its full length is unknown.
    /// </summary>
    public QuoteExtractionResult Run(string text, CancellationToken cancellationToken, bool inputWasLonger = false)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var diagnostics = new List<ExtractionDiagnostic>();
        if (text.Length > _options.MaxDocumentLength)
        {
            var cut = _options.MaxDocumentLength;
            if (char.IsLowSurrogate(text[cut]) && char.IsHighSurrogate(text[cut - 1]))
            {
                cut--; // never split a surrogate pair
            }

            var length = inputWasLonger ? $"more than {_options.MaxDocumentLength}" : text.Length.ToString(CultureInfo.InvariantCulture);
            diagnostics.Add(new ExtractionDiagnostic(
                "text-truncated",
                $"The text has {length} characters; only the first {cut} were read (MaxDocumentLength).",
                cut));
            text = text[..cut];
        }

        var sections = DocumentSections.Split(text, _options.SectionLength);
        if (sections.Count == 1)
        {
            var whole = RunSection(text, cancellationToken);
            return diagnostics.Count == 0 ? whole : whole with { Diagnostics = diagnostics };
        }

        diagnostics.Add(new ExtractionDiagnostic(
            "text-sectioned",
            $"The text has {text.Length} characters, more than a section ({_options.SectionLength}): it was read in {sections.Count} sections cut at "
            + "paragraph or line breaks. Speakers are resolved within their section; named entities of the same name are merged across sections."));
        var merger = new SectionMerger();
        foreach (var (start, length) in sections)
        {
            cancellationToken.ThrowIfCancellationRequested();
            merger.Add(start, RunSection(text.Substring(start, length), cancellationToken));
        }

        return merger.Build(diagnostics) with { Text = text };
    }

    /// <summary>
    /// Extracts from several documents, the same results as <see cref="Run"/> on each, but stage by stage: every
    /// document's text analysis, then every document's tagging, attribution, speaker resolution and records. Each stage's
    /// tables and models stay in the processor's caches across the documents instead of being evicted by the next
    /// stage's (about 15% of the CPU time of a pass over the corpus). Documents that need truncating or sectioning go
    /// through <see cref="Run"/> alone.
    /// </summary>
    public QuoteExtractionResult[] RunMany(IReadOnlyList<(string Text, bool InputWasLonger)> documents, CancellationToken cancellationToken)
    {
        var results = new QuoteExtractionResult[documents.Count];
        var staged = new List<int>(documents.Count);
        for (int i = 0; i < documents.Count; i++)
        {
            var (text, longer) = documents[i];
            if (longer || text.Length > _options.MaxDocumentLength || text.Length > _options.SectionLength)
            {
                results[i] = Run(text, cancellationToken, longer);
            }
            else
            {
                staged.Add(i);
            }
        }

        var texts = new string[staged.Count];
        for (int k = 0; k < texts.Length; k++)
        {
            texts[k] = documents[staged[k]].Text;
        }

        var stagedResults = RunSections(texts, cancellationToken);
        for (int k = 0; k < texts.Length; k++)
        {
            results[staged[k]] = stagedResults[k];
        }

        return results;
    }

    /// <summary>All layers over one section (or a whole document of at most a section's length).</summary>
    private QuoteExtractionResult RunSection(string text, CancellationToken cancellationToken) => RunSections([text], cancellationToken)[0];

    /// <summary>
    /// All layers over sections (or whole documents of at most a section's length), stage by stage: every text's
    /// analysis, then every text's tags, attributions, resolved speakers and records.
    /// </summary>
    private QuoteExtractionResult[] RunSections(string[] texts, CancellationToken cancellationToken)
    {
        // The records copy what they keep of the text, so nothing built over the buffers outlives this call.
        var buffers = new TextBuffers[texts.Length];
        try
        {
            var analyses = new AnalyzedText[texts.Length];
            for (int k = 0; k < texts.Length; k++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                buffers[k] = _textBuffers.Rent();
                analyses[k] = TextAnalyzer.Analyze(texts[k], SentenceBreaks.Paragraph, buffers[k], cancellationToken);
            }

            var tagged = new TaggedText[texts.Length];
            for (int k = 0; k < texts.Length; k++)
            {
                tagged[k] = Tagger.Default.Tag(analyses[k], cancellationToken);
            }

            var found = new List<Candidate>[texts.Length];
            for (int k = 0; k < texts.Length; k++)
            {
                found[k] = _attributions.Extract(tagged[k], cancellationToken);
            }

            var results = new QuoteExtractionResult[texts.Length];
            for (int k = 0; k < texts.Length; k++)
            {
                results[k] = Records(analyses[k], found[k], Resolve(tagged[k], found[k], cancellationToken));
            }

            return results;
        }
        finally
        {
            foreach (var b in buffers)
            {
                if (b is not null && b.Tokens.Length <= MaxPooledTokens)
                {
                    _textBuffers.Return(b);
                }
            }
        }
    }

    /// <summary>The speakers of <paramref name="found"/> resolved to entities, unless speaker resolution is off.</summary>
    internal ResolutionResult Resolve(TaggedText tagged, List<Candidate> found, CancellationToken cancellationToken)
    {
        if (!_options.ResolveSpeakers || found.Count == 0)
        {
            return ResolutionResult.Empty;
        }

        var mentions = new List<SpeakerMention>(found.Count);
        foreach (var c in found)
        {
            mentions.Add(Mention(tagged.Analysis, c.Speaker));
        }

        return _resolver.Resolve(tagged, mentions, cancellationToken);
    }

    /// <summary>
    /// The public records of one section: a <see cref="Quote"/> per candidate that passes the options' filters, and
    /// the entities worth listing.
    /// </summary>
    internal QuoteExtractionResult Records(AnalyzedText analysis, List<Candidate> found, ResolutionResult resolution)
    {
        var kept = new List<Quote>(found.Count);
        var keptEntities = new HashSet<SpeakerEntity>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < found.Count; i++)
        {
            var c = found[i];
            double confidence = Math.Round(c.Confidence, 3);
            if (confidence < _options.MinimumConfidence || (_options.Categories.Count > 0 && !_options.Categories.Contains(c.Category)))
            {
                continue;
            }

            var resolved = i < resolution.Speakers.Count ? resolution.Speakers[i].Entity : null;
            double? entityConfidence = i < resolution.Speakers.Count && !c.Speaker.IsNone
                ? Math.Round(resolution.Speakers[i].Confidence, 3)
                : null;

            // An unnamed source is no named entity: the quote's entity is null, the group stays in the entity list.
            kept.Add(new Quote(
                c.Kind,
                c.Category,
                Span(analysis, c.Content.Start, c.ContentEnd),
                c.Cue.IsNone ? null : Span(analysis, c.Cue.Start, c.Cue.End),
                c.Speaker.IsNone ? null : Span(analysis, c.Speaker.Start, c.Speaker.End),
                resolved?.Type == EntityKind.Unnamed ? null : resolved,
                confidence)
            {
                EntityConfidence = entityConfidence,
                ContentFragments = c.Content2.IsNone
                    ? null
                    : [Span(analysis, c.Content.Start, c.Content.End), Span(analysis, c.Content2.Start, c.Content2.End)],
            });
            if (resolved is not null)
            {
                keptEntities.Add(resolved);
            }
        }

        // Every named person of the document, and every other entity a kept quote resolves to.
        WorkMeter.Add(resolution.Entities.Count + kept.Count);
        var entities = new List<SpeakerEntity>(resolution.Entities.Count);
        foreach (var e in resolution.Entities)
        {
            if (e.Type == EntityKind.Person || keptEntities.Contains(e))
            {
                entities.Add(e);
            }
        }

        return new QuoteExtractionResult(kept, entities, []) { Text = analysis.Text };
    }

    private static SpeakerMention Mention(AnalyzedText analysis, TokenRange speaker)
    {
        if (speaker.IsNone)
        {
            return SpeakerMention.None;
        }

        var (start, end) = speaker.ToCharRange(analysis);
        return new SpeakerMention(speaker.Start, speaker.Length, start, end);
    }

    private static TextSpan Span(AnalyzedText analysis, int firstToken, int endToken)
    {
        var tokens = analysis.Tokens;
        return TextSpan.Of(analysis.Text, tokens[firstToken].Start, tokens[endToken - 1].End);
    }
}
