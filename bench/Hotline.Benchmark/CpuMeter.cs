using System.Diagnostics;
using System.Globalization;

namespace Hotline.Benchmark;

/// <summary>
/// CPU time spent by this process (service + simulated callers) and by the PostgreSQL backends serving the
/// benchmark's database. On a shared machine throughput depends on what else runs; CPU per webhook does not.
/// </summary>
public sealed class CpuMeter(string? database)
{
    public readonly record struct Reading(TimeSpan Process, TimeSpan Postgres);

    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public Reading Read()
    {
        using var self = Process.GetCurrentProcess();
        return new Reading(self.TotalProcessorTime, database is null ? TimeSpan.Zero : PostgresBackends(database));
    }

    /// <summary>Backends show "postgres: user database host(port) state" as their command line.</summary>
    private static TimeSpan PostgresBackends(string database)
    {
        if (!OperatingSystem.IsLinux()) return TimeSpan.Zero;
        double ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                if (!char.IsDigit(Path.GetFileName(dir)[0])) continue;
                var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline"));
                if (!cmdline.StartsWith("postgres: ", StringComparison.Ordinal)
                    || !cmdline.Contains($" {database} ", StringComparison.Ordinal))
                {
                    continue;
                }
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                // utime, stime
                ticks += double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (IOException) { } // the process ended meanwhile
            catch (UnauthorizedAccessException) { }
        }
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    public static string PerRequest(Reading before, Reading after, int requests) =>
        $"{(after.Process - before.Process).TotalMilliseconds / requests:F2} ms in this process (service + callers), " +
        $"{(after.Postgres - before.Postgres).TotalMilliseconds / requests:F2} ms in PostgreSQL";
}
