namespace QuoteExtract.Cli.Tests;

/// <summary>
/// A fact that needs file permissions to deny access: skipped where they do not (Windows, or a root user, who reads
/// a file of mode 000 all the same). Decided once by trying to read such a file.
/// </summary>
internal sealed class PermissionsFactAttribute : FactAttribute
{
    private static readonly Lazy<bool> Enforced = new(Probe);

    public PermissionsFactAttribute()
    {
        if (!Enforced.Value)
        {
            Skip = "File permissions do not deny reading here (Windows, or running as root).";
        }
    }

    private static bool Probe()
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        var path = Path.Combine(Path.GetTempPath(), "qx-probe-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(path, "x");
        try
        {
            File.SetUnixFileMode(path, UnixFileMode.None);
            File.ReadAllText(path);
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return true;
        }
        finally
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.Delete(path);
        }
    }
}
