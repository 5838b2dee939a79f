using System.Runtime.InteropServices;

namespace QuoteExtract.Training.Speed;

/// <summary>
/// CPU time of the calling thread, on Linux: unlike wall time it does not grow while other processes hold the
/// cores, so figures taken on a busy machine stay comparable. Elsewhere it is unavailable (null).
/// </summary>
internal static class ThreadClock
{
    private const int ThreadCpuTimeId = 3; // CLOCK_THREAD_CPUTIME_ID

    /// <summary>The thread's CPU time in milliseconds, or null where the clock is not available.</summary>
    public static double? Milliseconds()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            return ClockGetTime(ThreadCpuTimeId, out var time) == 0 ? (time.Seconds * 1e3) + (time.Nanoseconds / 1e6) : null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    // DllImport rather than LibraryImport: the struct is blittable, and LibraryImport would need unsafe code enabled.
    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);
}
