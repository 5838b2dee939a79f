using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace QuoteExtract;

/// <summary>Registers QuoteExtract with Microsoft.Extensions.DependencyInjection.</summary>
public static class QuoteExtractionServiceCollectionExtensions
{
    /// <summary>
    /// Registers a singleton <see cref="QuoteExtractor"/> built from <see cref="IOptions{TOptions}"/> of
    /// <see cref="QuoteExtractorOptions"/>, so options can also be bound from configuration.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Optional settings.</param>
    /// <returns>The same collection.</returns>
    public static IServiceCollection AddQuoteExtraction(this IServiceCollection services, Action<QuoteExtractorOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<QuoteExtractorOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        services.TryAddSingleton(sp => new QuoteExtractor(sp.GetRequiredService<IOptions<QuoteExtractorOptions>>().Value));
        return services;
    }
}
