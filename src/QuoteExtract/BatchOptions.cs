namespace QuoteExtract;

/// <summary>How a batch of documents is processed by <see cref="QuoteExtractor.ExtractMany"/>.</summary>
public sealed record BatchOptions
{
    /// <summary>Documents extracted at the same time. Default: the number of processors.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Receives a report after each document completes, if set.</summary>
    public IProgress<ExtractionProgress>? Progress { get; init; }

    internal void Validate()
    {
        if (MaxDegreeOfParallelism < 1)
        {
            throw new ArgumentException(
                $"{nameof(MaxDegreeOfParallelism)} must be at least 1, but was {MaxDegreeOfParallelism}.", nameof(MaxDegreeOfParallelism));
        }
    }
}
