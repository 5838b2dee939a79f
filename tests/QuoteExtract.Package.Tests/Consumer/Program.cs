using Microsoft.Extensions.DependencyInjection;
using QuoteExtract;

// A user's app: one line per quote, the speaker's entity and the content cut out of the text by its offsets.
var text = File.ReadAllText(args[0]);
using var services = new ServiceCollection().AddQuoteExtraction().BuildServiceProvider();
var extractor = services.GetRequiredService<QuoteExtractor>();
foreach (var q in extractor.Extract(text).Quotes)
{
    Console.WriteLine($"{q.Entity?.Name}\t{text[q.Content.Start..q.Content.End]}");
}
