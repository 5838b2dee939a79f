namespace QuoteExtract;

/// <summary>
/// Joins the results of a document's sections (see <see cref="DocumentSections"/>) into one result over the whole
/// text: offsets are shifted to the document, and named entities of the same kind and name are one entity, with
/// the mentions of every section (in document order, since sections and each section's mentions are). Unnamed sources
/// stay per section: two groups described alike far apart are not known to be the same.
/// </summary>
internal sealed class SectionMerger
{
    private readonly List<MergedEntity> _entities = [];
    private readonly Dictionary<(EntityKind, string), MergedEntity> _named = [];
    private readonly List<(Quote Quote, MergedEntity? Entity)> _quotes = [];

    /// <summary>Adds the result of the section that starts at <paramref name="offset"/> of the document.</summary>
    public void Add(int offset, QuoteExtractionResult section)
    {
        var mapped = new Dictionary<SpeakerEntity, MergedEntity>(ReferenceEqualityComparer.Instance);
        var joined = new HashSet<(EntityKind, string)>();
        foreach (var entity in section.Entities)
        {
            // Two entities of one section that share a name stay two, as in a document read whole; the first joins
            // the entity of that name from earlier sections.
            var key = (entity.Type, entity.Name);
            if (entity.Type == EntityKind.Unnamed || !joined.Add(key) || !_named.TryGetValue(key, out var merged))
            {
                merged = new MergedEntity(entity.Name, entity.Type);
                _entities.Add(merged);
                if (entity.Type != EntityKind.Unnamed)
                {
                    _named.TryAdd(key, merged);
                }
            }

            merged.Gender = merged.Gender == Gender.Unknown ? entity.Gender : merged.Gender;
            merged.Mentions.AddRange(entity.Mentions.Select(m => Shift(m, offset)));
            mapped[entity] = merged;
        }

        foreach (var quote in section.Quotes)
        {
            var shifted = quote with
            {
                Content = Shift(quote.Content, offset),
                Cue = quote.Cue is { } cue ? Shift(cue, offset) : null,
                Speaker = quote.Speaker is { } speaker ? Shift(speaker, offset) : null,
                ContentFragments = quote.ContentFragments?.Select(f => Shift(f, offset)).ToArray(),
                Entity = null,
            };
            _quotes.Add((shifted, quote.Entity is null ? null : mapped[quote.Entity]));
        }
    }

    /// <summary>The merged result, with <paramref name="diagnostics"/>.</summary>
    public QuoteExtractionResult Build(IReadOnlyList<ExtractionDiagnostic> diagnostics)
    {
        for (int i = 0; i < _entities.Count; i++)
        {
            var e = _entities[i];
            e.Built = new SpeakerEntity($"e{i + 1}", e.Name, e.Type, e.Gender, e.Mentions.ToArray());
        }

        var quotes = _quotes.Select(q => q.Entity is null ? q.Quote : q.Quote with { Entity = q.Entity.Built }).ToList();
        return new QuoteExtractionResult(quotes, _entities.Select(e => e.Built!).ToList(), diagnostics);
    }

    private static TextSpan Shift(TextSpan span, int offset) => new(span.Start + offset, span.End + offset, span.Text);

    /// <summary>An entity being assembled from the sections.</summary>
    private sealed class MergedEntity(string name, EntityKind type)
    {
        public string Name { get; } = name;

        public EntityKind Type { get; } = type;

        public Gender Gender { get; set; }

        public List<TextSpan> Mentions { get; } = [];

        public SpeakerEntity? Built { get; set; }
    }
}
