using System.CommandLine;
using System.Globalization;
using QuoteExtract.Training.Evaluation;
using QuoteExtract.Training.Silver;

// Trains the embedded models and scores the text and tagging layers against a silver split.
var silver = new Option<FileInfo>("--silver") { Description = "A silver.tsv.gz file.", Required = true };
var text = new Option<DirectoryInfo>("--text") { Description = "The split's text/ directory.", Required = true };

var evaluate = new Command("evaluate", "Scores tokens, sentences, part of speech and entities against a silver split.") { silver, text };
evaluate.SetAction(result =>
{
    var documents = SilverReader.Read(result.GetValue(silver)!.FullName).ToList();
    var textDirectory = result.GetValue(text)!.FullName;
    var textScores = TextLayerEvaluator.Evaluate(documents, textDirectory);
    var taggerScores = TaggerEvaluator.Evaluate(documents, textDirectory);
    Print("token-boundary-recall", textScores.TokenBoundaryRecall);
    Print("sentence-f1", textScores.SentenceF1);
    Print("pos-accuracy", taggerScores.PosAccuracy);
    Print("ner-f1", taggerScores.NerF1);
    Print("ner-person-f1", taggerScores.PersonF1);
    Print("ner-organization-f1", taggerScores.OrganizationF1);
    Print("ner-location-f1", taggerScores.LocationF1);
    return 0;
});

var split = new Option<DirectoryInfo>("--split") { Description = "A PolNeAR split directory (text/, attributions/, silver.tsv.gz, coref.jsonl.gz).", Required = true };
var silverTags = new Option<bool>("--silver-tags") { Description = "Build tagged text from the silver layer (CoreNLP tokens, POS, NER) instead of our taggers." };
var evaluateResolution = new Command("evaluate-resolution", "Scores speaker resolution of pronoun and nominal gold sources against CoreNLP coreference.") { split, silverTags };
evaluateResolution.SetAction(result => ResolutionEvaluator.Run(result.GetValue(split)!.FullName, result.GetValue(silverTags), Console.Out));

var root = new RootCommand("QuoteExtract model training and evaluation.") { evaluate, evaluateResolution };
return await root.Parse(args).InvokeAsync();

static void Print(string name, double value) =>
    Console.WriteLine($"{name}: {value.ToString("0.000", CultureInfo.InvariantCulture)}");
