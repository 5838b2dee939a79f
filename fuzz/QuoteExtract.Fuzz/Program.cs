using System.Globalization;
using QuoteExtract.Fuzz;

// The robustness harness of docs/robustness.md: not a test project, so `dotnet test` never runs it.
return args.FirstOrDefault() switch
{
    "fuzz" => FuzzCommand.Run(args[1..]),
    "replay" => FuzzCommand.Replay(args[1..]),
    "stress" => StressCommand.Run(args[1..]),
    "stress-one" => StressCommand.RunOne(args[1], double.Parse(args[2], CultureInfo.InvariantCulture)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: QuoteExtract.Fuzz fuzz   [--minutes N] [--seed S] [--threads T] [--findings DIR] [--watchdog SECONDS]
               QuoteExtract.Fuzz replay [--findings DIR]
               QuoteExtract.Fuzz stress [--case NAME] [--scale X] [--timeout SECONDS]
        """);
    return 2;
}
