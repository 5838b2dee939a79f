using System.Runtime.InteropServices;
using QuoteExtract.Matching;

namespace QuoteExtract;

/// <summary>
/// Finds who said what in English news text. Immutable and thread-safe: create one and share it.
/// </summary>
/// <example>
/// <code>
/// var extractor = QuoteExtractor.CreateDefault();
/// var result = extractor.Extract(text);
/// foreach (var q in result.Quotes)
///     Console.WriteLine($"{q.Entity?.Name ?? q.Speaker?.Text}: {q.Content.Text}");
/// </code>
/// </example>
public sealed class QuoteExtractor
{
    private readonly QuoteExtractorOptions _options;
    private readonly ExtractionPipeline _pipeline;

    /// <summary>The longest document read, from the options (the command-line tool reads its inputs itself).</summary>
    internal int MaxDocumentLength => _options.MaxDocumentLength;

    /// <summary>Creates an extractor with default options.</summary>
    public QuoteExtractor()
        : this(new QuoteExtractorOptions())
    {
    }

    /// <summary>Creates an extractor with the given options, which are copied and validated.</summary>
    /// <param name="options">The settings.</param>
    /// <exception cref="ArgumentException">
    /// An option is invalid; for an extra pattern that does not compile, the message names it and the line and column
    /// (<c>ExtraPatterns[0](1,11): …</c>).
    /// </exception>
    public QuoteExtractor(QuoteExtractorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options.Clone();
        try
        {
            _pipeline = new ExtractionPipeline(_options);
        }
        catch (PatternSyntaxException e) when (e.Source.StartsWith(nameof(QuoteExtractorOptions.ExtraPatterns), StringComparison.Ordinal))
        {
            // A user's pattern is an invalid option like any other; the built-in grammar's errors are bugs and stay as they are.
            throw new ArgumentException(e.Message, nameof(options), e);
        }
    }

    /// <summary>Creates an extractor with default options.</summary>
    /// <returns>A new extractor.</returns>
    public static QuoteExtractor CreateDefault() => new();

    /// <summary>Extracts the quotes of one document.</summary>
    /// <param name="text">The document text.</param>
    /// <param name="cancellationToken">Cancels a long extraction.</param>
    /// <returns>The quotes, entities and diagnostics.</returns>
    public QuoteExtractionResult Extract(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _pipeline.Run(text, cancellationToken);
    }

    /// <summary>Extracts the quotes of one document held in memory. Offsets are relative to the start of <paramref name="text"/>.</summary>
    /// <param name="text">The document text.</param>
    /// <param name="cancellationToken">Cancels a long extraction.</param>
    /// <returns>The quotes, entities and diagnostics.</returns>
    public QuoteExtractionResult Extract(ReadOnlyMemory<char> text, CancellationToken cancellationToken = default)
    {
        // Copy no more than the pipeline reads (one character past the limit shows that the text is too long), and
        // nothing at all when the memory is a whole string.
        bool longer = text.Length > _options.MaxDocumentLength + 1L;
        var read = longer ? text[..(_options.MaxDocumentLength + 1)] : text;
        bool whole = MemoryMarshal.TryGetString(read, out var s, out var start, out var length) && start == 0 && length == s.Length;
        return _pipeline.Run(whole ? s! : read.ToString(), cancellationToken, longer);
    }

    /// <summary>
    /// Reads a document from <paramref name="reader"/> and extracts its quotes. Reading stops just past
    /// <see cref="QuoteExtractorOptions.MaxDocumentLength"/>; a longer document is truncated with a diagnostic.
    /// </summary>
    /// <param name="reader">The document.</param>
    /// <param name="cancellationToken">Cancels reading or extraction.</param>
    /// <returns>The quotes, entities and diagnostics.</returns>
    public async Task<QuoteExtractionResult> ExtractAsync(TextReader reader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var (text, more) = await BoundedInput.ReadAsync(reader, _options.MaxDocumentLength, cancellationToken).ConfigureAwait(false);
        return _pipeline.Run(text, cancellationToken, more);
    }

    /// <summary>
    /// Reads a UTF-8 document from <paramref name="stream"/> (a byte-order mark is removed, so offsets
    /// count from the first character after it) and extracts its quotes.
    /// Invalid UTF-8 becomes U+FFFD and is reported as an <c>invalid-utf8</c> diagnostic; the document is not rejected.
    /// Reading stops just past <see cref="QuoteExtractorOptions.MaxDocumentLength"/>; a longer document is truncated with a diagnostic.
    /// </summary>
    /// <param name="stream">The document bytes.</param>
    /// <param name="cancellationToken">Cancels reading or extraction.</param>
    /// <returns>The quotes, entities and diagnostics.</returns>
    public async Task<QuoteExtractionResult> ExtractAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var (decoded, more) = await BoundedInput.ReadUtf8Async(stream, _options.MaxDocumentLength, cancellationToken).ConfigureAwait(false);
        return WithDecoding(_pipeline.Run(decoded.Text, cancellationToken, more), decoded);
    }

    /// <summary>
    /// Extracts from documents already read with <see cref="BoundedInput.ReadUtf8Async"/>, stage by stage over the
    /// group (see <see cref="ExtractionPipeline.RunMany"/>): the same results as <see cref="ExtractAsync(Stream, CancellationToken)"/>
    /// on each. The command-line tool reads its inputs in groups and extracts each group with one call.
    /// </summary>
    internal QuoteExtractionResult[] ExtractDecoded(IReadOnlyList<(Utf8Text.Decoded Decoded, bool More)> documents, CancellationToken cancellationToken)
    {
        var results = _pipeline.RunMany(documents.Select(d => (d.Decoded.Text, d.More)).ToList(), cancellationToken);
        for (int i = 0; i < results.Length; i++)
        {
            results[i] = WithDecoding(results[i], documents[i].Decoded);
        }

        return results;
    }

    /// <summary>The result with an <c>invalid-utf8</c> diagnostic first when the bytes held invalid UTF-8.</summary>
    private static QuoteExtractionResult WithDecoding(QuoteExtractionResult result, Utf8Text.Decoded decoded) =>
        decoded.InvalidBytes == 0 ? result : result with { Diagnostics = [Utf8Text.InvalidDiagnostic(decoded), .. result.Diagnostics] };

    /// <summary>
    /// Extracts the quotes of many documents in parallel and yields the results in input order.
    /// The input is read lazily, in groups of about 256 KB of text (at most 64 documents) that a thread extracts stage by
    /// stage (each stage's tables stay in the processor's caches across the group), and at most a few groups per thread
    /// are held at once.
    /// </summary>
    /// <param name="texts">The documents.</param>
    /// <param name="options">Parallelism and progress reporting; defaults if null.</param>
    /// <param name="cancellationToken">Stops the batch; documents not yet started are not processed.</param>
    /// <returns>One result per document, in the order of <paramref name="texts"/>.</returns>
    public IEnumerable<QuoteExtractionResult> ExtractMany(
        IEnumerable<string> texts, BatchOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        options ??= new BatchOptions();
        options.Validate();
        var groups = OrderedBatch.Run(DocumentGroups.Of(texts), ExtractGroup, options.MaxDegreeOfParallelism, cancellationToken);
        return Report(groups, options.Progress, cancellationToken);
    }

    /// <summary>
    /// Extracts the quotes of an asynchronous stream of documents in parallel and yields the results in input order,
    /// in groups as <see cref="ExtractMany"/> does.
    /// </summary>
    /// <param name="texts">The documents.</param>
    /// <param name="options">Parallelism and progress reporting; defaults if null.</param>
    /// <param name="cancellationToken">Stops the batch.</param>
    /// <returns>One result per document, in input order.</returns>
    public async IAsyncEnumerable<QuoteExtractionResult> ExtractManyAsync(
        IAsyncEnumerable<string> texts,
        BatchOptions? options = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        options ??= new BatchOptions();
        options.Validate();
        int done = 0;
        long characters = 0;
        var groups = OrderedBatch.RunAsync(DocumentGroups.Of(texts, cancellationToken), ExtractGroup, options.MaxDegreeOfParallelism, cancellationToken);
        await foreach (var group in groups.ConfigureAwait(false))
        {
            foreach (var (result, length) in group)
            {
                // Once cancelled, no further result is yielded, not even the rest of a group already extracted.
                cancellationToken.ThrowIfCancellationRequested();
                options.Progress?.Report(new ExtractionProgress(++done, characters += length));
                yield return result;
            }
        }
    }

    private (QuoteExtractionResult Result, int Length)[] ExtractGroup(string[] texts, CancellationToken cancellationToken)
    {
        foreach (var text in texts)
        {
            ArgumentNullException.ThrowIfNull(text, nameof(text));
        }

        var results = _pipeline.RunMany(texts.Select(static t => (t, false)).ToList(), cancellationToken);
        return results.Select((r, i) => (r, texts[i].Length)).ToArray();
    }

    private static IEnumerable<QuoteExtractionResult> Report(
        IEnumerable<(QuoteExtractionResult Result, int Length)[]> groups, IProgress<ExtractionProgress>? progress, CancellationToken cancellationToken)
    {
        int done = 0;
        long characters = 0;
        foreach (var group in groups)
        {
            foreach (var (result, length) in group)
            {
                // Once cancelled, no further result is yielded, not even the rest of a group already extracted.
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new ExtractionProgress(++done, characters += length));
                yield return result;
            }
        }
    }
}
