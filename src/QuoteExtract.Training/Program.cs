using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using QuoteExtract.Tagging;
using QuoteExtract.Training.Evaluation;
using QuoteExtract.Training.Silver;
using QuoteExtract.Training.Training;

// Trains the embedded models and scores the text and tagging layers against a silver split.
var silver = new Option<FileInfo>("--silver") { Description = "A silver.tsv.gz file.", Required = true };
var text = new Option<DirectoryInfo>("--text") { Description = "The split's text/ directory.", Required = true };
var silverTokens = new Option<bool>("--silver-tokens")
{
    Description = "Score the tagger on the silver tokens and sentences instead of running our text layer first.",
};
var posModel = new Option<FileInfo?>("--pos-model") { Description = "A pos.bin to score instead of the embedded one." };
var nerModel = new Option<FileInfo?>("--ner-model") { Description = "A ner.bin to score instead of the embedded one." };

var details = new Option<bool>("--details") { Description = "Also print precision, recall, MISC and score figures after the standard lines." };

var evaluate = new Command("evaluate", "Scores tokens, sentences, part of speech and entities against a silver split.")
{
    silver, text, silverTokens, posModel, nerModel, details,
};
evaluate.SetAction(result =>
{
    var documents = SilverReader.Read(result.GetValue(silver)!.FullName).ToList();
    var textDirectory = result.GetValue(text)!.FullName;
    bool useSilverTokens = result.GetValue(silverTokens);

    // The standard lines, exactly, in this order: held-out splits are scored by parsing them.
    if (!useSilverTokens)
    {
        var textScores = TextLayerEvaluator.Evaluate(documents, textDirectory);
        Print("token-boundary-recall", textScores.TokenBoundaryRecall);
        Print("sentence-f1", textScores.SentenceF1);
    }

    var tagger = LoadTagger(result.GetValue(posModel), result.GetValue(nerModel));
    var taggerScores = TaggerEvaluator.Evaluate(documents, textDirectory, useSilverTokens, tagger);
    Print("pos-accuracy", taggerScores.PosAccuracy);
    Print("ner-f1", taggerScores.NerF1);
    Print("ner-person-f1", taggerScores.PersonF1);
    Print("ner-organization-f1", taggerScores.OrganizationF1);
    Print("ner-location-f1", taggerScores.LocationF1);
    if (result.GetValue(details))
    {
        Console.WriteLine($"tokenization: {(useSilverTokens ? "silver (CoreNLP)" : "ours (TextAnalyzer)")}");
        Print("ner-precision", taggerScores.NerPrecision);
        Print("ner-recall", taggerScores.NerRecall);
        Print("ner-misc-f1", taggerScores.MiscF1);
        Print("ner-mean-score-right", taggerScores.MeanScoreRight);
        Print("ner-mean-score-wrong", taggerScores.MeanScoreWrong);
    }

    return 0;
});

var output = new Option<FileInfo>("--out") { Description = "The model file to write.", Required = true };
var epochs = new Option<int?>("--epochs") { Description = "Passes over the training data (default: pos 6, ner 10)." };
var seed = new Option<int>("--seed") { Description = "Seed of the shuffle; the same seed and data give the same file.", DefaultValueFactory = _ => 1 };
var minimumWeight = new Option<float>("--min-weight")
{
    Description = "Drop averaged weights smaller than this in absolute value (model size).",
    DefaultValueFactory = _ => 1.5f,
};
var fixedCount = new Option<int>("--fixed-min-count")
{
    Description = "pos: spellings seen at least this often and (almost) always with one tag get it without scoring (0: none).",
    DefaultValueFactory = _ => 5,
};
var fixedOther = new Option<double>("--fixed-max-other")
{
    Description = "pos: the largest share of a fixed spelling's occurrences that may have another tag.",
    DefaultValueFactory = _ => 0.01,
};
var trainText = new Option<DirectoryInfo?>("--text") { Description = "The split's text/ directory (default: text/ next to the silver file)." };

var train = new Command("train", "Trains a model on a silver split.")
{
    TrainCommand("pos", "Trains the part-of-speech tagger.", ModelKind.PartOfSpeech, 6),
    TrainCommand("ner", "Trains the entity recognizer (BILOU over PERSON, ORGANIZATION, LOCATION, MISC).", ModelKind.Entities, 10),
};

var speedText = new Option<DirectoryInfo>("--text") { Description = "A directory of .txt files to tag.", Required = true };
var speed = new Command("speed", "Quick single-thread tagging throughput check (BenchmarkDotNet has the real benchmark).")
{
    speedText, posModel, nerModel,
};
speed.SetAction(result =>
{
    var clock = Stopwatch.StartNew();
    var tagger = LoadTagger(result.GetValue(posModel), result.GetValue(nerModel));
    Console.WriteLine($"models loaded in {clock.Elapsed.TotalMilliseconds:0} ms");
    var analyses = Directory.GetFiles(result.GetValue(speedText)!.FullName, "*.txt").Order(StringComparer.Ordinal)
        .Select(f => QuoteExtract.Text.TextAnalyzer.Analyze(File.ReadAllText(f))).ToList();
    long tokens = analyses.Sum(a => (long)a.Tokens.Length);
    for (int round = 0; round < 5; round++)
    {
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        clock.Restart();
        foreach (var analysis in analyses)
        {
            tagger.Tag(analysis);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        clock.Restart();
        foreach (var analysis in analyses)
        {
            tagger.TagPartsOfSpeech(analysis);
        }

        var posSeconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"round {round}: {tokens} tokens in {seconds * 1000:0} ms = {tokens / seconds / 1000:0} k tokens/s wall, {tokens / cpuSeconds / 1000:0} k tokens/s CPU (POS only {tokens / posSeconds / 1000:0} k tokens/s), {(double)allocated / tokens:0.0} bytes/token allocated");
    }

    return 0;
});

var stagesText = new Option<DirectoryInfo>("--text") { Description = "A directory of .txt files (searched recursively).", Required = true };
var stagesRounds = new Option<int>("--rounds") { Description = "Timed passes per stage; the median is shown.", DefaultValueFactory = _ => 5 };
var stagesOnly = new Option<string?>("--only") { Description = "Time only the stages whose name contains this string (e.g. under perf, so that a profile holds nothing else)." };
var stages = new Command("stages", "Single-thread Stopwatch profile of the pipeline, stage by stage: where end-to-end time goes.") { stagesText, stagesRounds, stagesOnly };
stages.SetAction(result => QuoteExtract.Training.Speed.StageTimer.Run(result.GetValue(stagesText)!.FullName, Math.Max(1, result.GetValue(stagesRounds)), result.GetValue(stagesOnly), Console.Out));

var engineText = new Option<DirectoryInfo>("--text") { Description = "A directory of .txt files (searched recursively).", Required = true };
var engineRounds = new Option<int>("--rounds") { Description = "Timed passes per part; the minimum and median are shown.", DefaultValueFactory = _ => 21 };
var engineBenchmarkOnly = new Option<bool>("--benchmark-only") { Description = "Time only both passes (the benchmark), e.g. under perf, so that a profile holds nothing else." };
var engineOnly = new Option<string?>("--only") { Description = "Time only the parts whose name contains this string (e.g. \"cold\": both passes with a new VM each time, under perf)." };
var engineSpeed = new Command("engine-speed", "Thread-CPU profile of the pattern engine on the shipped grammar: both passes, with a cold DFA, token features alone, each pass run twice.") { engineText, engineRounds, engineBenchmarkOnly, engineOnly };
engineSpeed.SetAction(result => QuoteExtract.Training.Speed.EngineSpeed.Run(result.GetValue(engineText)!.FullName, Math.Max(1, result.GetValue(engineRounds)), result.GetValue(engineBenchmarkOnly), result.GetValue(engineOnly), Console.Out));

var split = new Option<DirectoryInfo>("--split") { Description = "A PolNeAR split directory (text/, attributions/, silver.tsv.gz, coref.jsonl.gz).", Required = true };
var silverTags = new Option<bool>("--silver-tags") { Description = "Build tagged text from the silver layer (CoreNLP tokens, POS, NER) instead of our taggers." };
var evaluateResolution = new Command("evaluate-resolution", "Scores speaker resolution of pronoun and nominal gold sources against CoreNLP coreference.") { split, silverTags };
evaluateResolution.SetAction(result => ResolutionEvaluator.Run(result.GetValue(split)!.FullName, result.GetValue(silverTags), Console.Out));

var seedDirectory = new Option<DirectoryInfo>("--seed") { Description = "The seed directory (expected.json and its article).", Required = true };
var seedCheck = new Command("seed-check", "Checks the extractor on the hand-annotated seed article.") { seedDirectory };
seedCheck.SetAction(result => QuoteExtract.Training.Seed.SeedCheck.Run(result.GetValue(seedDirectory)!.FullName, Console.Out));

var debugFile = new Option<FileInfo>("--file") { Description = "A text file.", Required = true };
var debugGrep = new Option<string?>("--grep") { Description = "Only sentences and candidates containing this string." };
var attributionDebug = new Command("attribution-debug", "Prints tags and attribution candidates of a text.") { debugFile, debugGrep };
attributionDebug.SetAction(result => QuoteExtract.Training.Attribution.AttributionDebug.Run(result.GetValue(debugFile)!.FullName, result.GetValue(debugGrep), Console.Out));

var dumpText = new Option<DirectoryInfo>("--text") { Description = "A folder of .txt files.", Required = true };
var dumpOut = new Option<FileInfo>("--out") { Description = "The JSON Lines file to write.", Required = true };
var candidatesCommand = new Command("candidates", "Writes every attribution candidate (before selection) as JSON Lines, to measure candidate coverage with score.py.") { dumpText, dumpOut };
candidatesCommand.SetAction(result => QuoteExtract.Training.Attribution.CandidateDump.Run(result.GetValue(dumpText)!.FullName, result.GetValue(dumpOut)!.FullName, Console.Out));

var attributionSplit = new Option<DirectoryInfo>("--split") { Description = "The training split (text/, attributions/).", Required = true };
var attributionModel = new Option<FileInfo>("--out") { Description = "The model file to write (attribution.bin).", Required = true };
var attributionCalibration = new Option<FileInfo>("--calibration") { Description = "The calibration file to write (attribution.calibration).", Required = true };
var attributionEpochs = new Option<int>("--epochs") { Description = "Passes over the training candidates.", DefaultValueFactory = _ => 8 };
var attributionMembers = new Option<int>("--members") { Description = "Perceptrons trained on differently shuffled data and averaged into the one model.", DefaultValueFactory = _ => 10 };
var attributionCrossFitted = new Option<FileInfo?>("--cross-fitted-out") { Description = "Also writes the split's attributions as kept from cross-fitted scores (JSON Lines for score.py)." };
var attributionCrossFittedCandidates = new Option<FileInfo?>("--cross-fitted-candidates-out") { Description = "Also writes every candidate with its cross-fitted probability, before selection (JSON Lines, the format of the candidates command), to try selection rules without retraining." };
var trainAttribution = new Command("attribution", "Trains the attribution candidate scorer on a gold split.") { attributionSplit, attributionModel, attributionCalibration, attributionEpochs, attributionMembers, seed, attributionCrossFitted, attributionCrossFittedCandidates };
trainAttribution.SetAction(result => QuoteExtract.Training.Attribution.AttributionTrainer.Run(
    result.GetValue(attributionSplit)!.FullName, result.GetValue(attributionModel)!.FullName, result.GetValue(attributionCalibration)!.FullName,
    result.GetValue(attributionEpochs), result.GetValue(seed), Math.Max(1, result.GetValue(attributionMembers)), result.GetValue(attributionCrossFitted)?.FullName, result.GetValue(attributionCrossFittedCandidates)?.FullName, Console.Out));
train.Subcommands.Add(trainAttribution);

var scalingText = new Option<DirectoryInfo>("--text") { Description = "A directory of .txt files (searched recursively).", Required = true };
var scalingRounds = new Option<int>("--rounds") { Description = "Timed passes per thread count (alternating); the median is shown.", DefaultValueFactory = _ => 9 };
var scalingThreads = new Option<int>("--threads") { Description = "Worker threads compared with one.", DefaultValueFactory = _ => 2 };
var batchScaling = new Command("batch-scaling", "Wall-clock speed-up of ExtractMany with several worker threads over one.") { scalingText, scalingRounds, scalingThreads };
batchScaling.SetAction(result => QuoteExtract.Training.Speed.BatchScaling.Run(result.GetValue(scalingText)!.FullName, Math.Max(1, result.GetValue(scalingRounds)), Math.Max(2, result.GetValue(scalingThreads)), Console.Out));

var root = new RootCommand("QuoteExtract model training and evaluation.") { evaluate, train, speed, stages, engineSpeed, batchScaling, evaluateResolution, seedCheck, attributionDebug, candidatesCommand };
return await root.Parse(args).InvokeAsync();

Command TrainCommand(string name, string description, ModelKind kind, int defaultEpochs)
{
    var command = new Command(name, description) { silver, trainText, output, epochs, seed, minimumWeight, fixedCount, fixedOther };
    command.SetAction(result =>
    {
        var silverFile = result.GetValue(silver)!;
        var textDirectory = result.GetValue(trainText)?.FullName ?? Path.Combine(silverFile.DirectoryName!, "text");
        var clock = Stopwatch.StartNew();
        var documents = SilverReader.Read(silverFile.FullName).ToList();
        TaggerTrainer.Train(
            kind, documents, textDirectory, result.GetValue(output)!.FullName,
            result.GetValue(epochs) ?? defaultEpochs, result.GetValue(seed), result.GetValue(minimumWeight),
            new FixedWordRule(result.GetValue(fixedCount), result.GetValue(fixedOther)), Console.Out);
        Console.WriteLine($"done in {clock.Elapsed.TotalSeconds:0.0} s");
        return 0;
    });
    return command;
}

static Tagger LoadTagger(FileInfo? pos, FileInfo? ner)
{
    if (pos is null && ner is null)
    {
        return Tagger.Default;
    }

    var defaults = pos is null || ner is null ? Tagger.Default : null;
    return new Tagger(
        pos is null ? defaults!.PosModel : Load(pos, ModelKind.PartOfSpeech),
        ner is null ? defaults!.NerModel : Load(ner, ModelKind.Entities));

    static PerceptronModel Load(FileInfo file, ModelKind kind)
    {
        using var stream = file.OpenRead();
        return PerceptronModel.Read(stream, kind);
    }
}

static void Print(string name, double value) =>
    Console.WriteLine($"{name}: {value.ToString("0.000", CultureInfo.InvariantCulture)}");
