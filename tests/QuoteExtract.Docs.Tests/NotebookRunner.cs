using System.Text.Json;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;

namespace QuoteExtract.Docs.Tests;

/// <summary>One executed code cell: its source as submitted and what the kernel reported.</summary>
/// <param name="Index">Position of the cell among the notebook's cells.</param>
/// <param name="Code">The code that was submitted.</param>
/// <param name="Events">Every event of the submission.</param>
internal sealed record CellRun(int Index, string Code, IReadOnlyList<KernelEvent> Events)
{
    /// <summary>Failures and errors the cell reported, as text.</summary>
    public IEnumerable<string> Errors => Events.Select(e => e switch
    {
        CommandFailed f => $"{f.Message} {f.Exception}",
        ErrorProduced p => p.Message,
        _ => null,
    }).OfType<string>();

    /// <summary>The cell's displayed and returned values in one MIME type.</summary>
    public IEnumerable<string> Outputs(string mimeType) => Events.OfType<DisplayEvent>()
        .SelectMany(e => e.FormattedValues)
        .Where(v => v.MimeType == mimeType)
        .Select(v => v.Value);
}

/// <summary>
/// Runs a Jupyter notebook's code cells in order in a .NET Interactive C# kernel, the way a notebook front end
/// does, except that the notebook's <c>#r "nuget: QuoteExtract"</c> line is replaced by a reference to the library
/// built with these tests, followed by the package's <c>extension.dib</c>, run the way .NET Interactive runs it
/// when it loads the package.
/// </summary>
internal sealed class NotebookRunner : IDisposable
{
    public const string PackageReference = "#r \"nuget: QuoteExtract\"";

    private readonly CSharpKernel _csharp = new CSharpKernel().UseKernelHelpers();
    private readonly CompositeKernel _kernel;

    // A notebook talks to a composite kernel with C# as its default, and extension scripts need that root.
    public NotebookRunner()
    {
        _kernel = new CompositeKernel { _csharp };
        _kernel.DefaultKernelName = _csharp.Name;
    }

    public IReadOnlyList<CellRun> Cells { get; private set; } = [];

    /// <summary>Number of cells that referenced the package.</summary>
    public int PackageReferences { get; private set; }

    public async Task RunAsync(string notebookPath, string libraryPath, string extensionPath)
    {
        var runs = new List<CellRun>();
        foreach (var (index, code) in CodeCells(notebookPath))
        {
            var lines = code.Split('\n');
            var loadsPackage = lines.Any(l => l.Trim() == PackageReference);
            var submitted = string.Join('\n', lines.Select(l => l.Trim() == PackageReference ? $"#r \"{libraryPath}\"" : l));
            var result = await _kernel.SubmitCodeAsync(submitted);
            runs.Add(new CellRun(index, submitted, result.Events));
            if (loadsPackage)
            {
                // What .NET Interactive does with a package's interactive-extensions/dotnet/extension.dib.
                PackageReferences++;
                await _kernel.LoadAndRunInteractiveDocument(new FileInfo(extensionPath));
            }
        }

        Cells = runs;
    }

    /// <summary>A variable the notebook defined.</summary>
    public T Variable<T>(string name) =>
        _csharp.TryGetValue<T>(name, out var value) ? value : throw new InvalidOperationException($"The notebook defines no {typeof(T).Name} '{name}'.");

    public void Dispose() => _kernel.Dispose();

    private static IEnumerable<(int Index, string Code)> CodeCells(string notebookPath)
    {
        using var notebook = JsonDocument.Parse(File.ReadAllText(notebookPath));
        var cells = notebook.RootElement.GetProperty("cells").EnumerateArray().ToList();
        for (int i = 0; i < cells.Count; i++)
        {
            if (cells[i].GetProperty("cell_type").GetString() == "code")
            {
                yield return (i, string.Concat(cells[i].GetProperty("source").EnumerateArray().Select(s => s.GetString())));
            }
        }
    }
}
