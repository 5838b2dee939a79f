using Microsoft.Extensions.DependencyInjection;
using QuoteExtract;

var text = File.ReadAllText(args[0]);
using var services = new ServiceCollection().AddQuoteExtraction().BuildServiceProvider();
var extractor = services.GetRequiredService<QuoteExtractor>();
foreach (var q in extractor.Extract(text).Quotes)
{
    Console.WriteLine($"{q.Entity?.Name ?? q.Speaker?.Text ?? "?"}\t{text[q.Content.Start..q.Content.End]}");
}
