using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Hotline.Web.Tests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace Hotline.Web.Tests.Cluster;

/// <summary>
/// Several nodes for real: two service processes (each with its Hangfire server) on one database, Debian's nginx in
/// front, simulated callers through nginx, and one node killed with SIGKILL mid-run. This is the benchmark's own
/// cluster smoke (<c>./hotline bench --nodes 2 --smoke</c>, bench/Hotline.Benchmark/Cluster) run as a child process,
/// so the test and the figures in README "Several nodes" come from the same code; the test asserts its results.
/// </summary>
public class NodeKilledMidRunTests(ITestOutputHelper log) : IAsyncLifetime
{
    private string _cs = "";

    public async Task InitializeAsync() => _cs = await TestPostgres.CreateDatabaseAsync();

    public async Task DisposeAsync() => await TestPostgres.DropDatabaseAsync(_cs);

    [Fact]
    public async Task NodeKilledMidRun_LosesNoCalls_AndEachJobRunsOnce()
    {
        Assert.True(
            new[] { "/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx" }.Any(File.Exists),
            "nginx is missing: ./hotline test installs Debian's package when run as root (else: sudo apt-get install -y nginx)");
        var resultFile = Path.Combine(Path.GetTempPath(), $"hotline-cluster-{Guid.NewGuid():N}.json");
        var (exitCode, output) = await RunBenchmarkAsync(
            "--nodes", "2", "--smoke", "--result", resultFile, "--database", new NpgsqlConnectionStringBuilder(_cs).Database!);
        log.WriteLine(output); // the figures, in the test's results
        try
        {
            Assert.True(exitCode == 0, $"the cluster smoke failed ({exitCode}):\n{output}");
            using var result = JsonDocument.Parse(await File.ReadAllTextAsync(resultFile));
            var run = result.RootElement;
            int Figure(string name) => run.GetProperty(name).GetInt32();
            var jobs = run.GetProperty("Jobs");
            int Jobs(string name) => jobs.GetProperty(name).GetInt32();

            Assert.Equal("a", run.GetProperty("KilledNode").GetString());
            Assert.True(Figure("Completed") >= 20, $"too few calls to prove anything:\n{output}");
            // Node a really served calls before it died, and node b served the rest.
            Assert.True(run.GetProperty("AnsweredByNode").GetProperty("a").GetInt32() > 0, output);
            Assert.True(run.GetProperty("AnsweredByNode").GetProperty("b").GetInt32() > 0, output);
            // Every call completed (nginx sent what node a could not answer to node b) and none was lost in the database.
            Assert.Equal(0, Figure("Failed"));
            Assert.Equal(0, Figure("FailedRequests"));
            Assert.Equal(0, Figure("ProxyServerErrors"));
            Assert.Equal(0, Figure("Lost"));
            // A step nginx resent after node a died was answered from the stored state, not written again.
            Assert.Equal(0, Figure("DoubledAnswers"));
            // Each call's intake-ended job ran at most once; one it never ran is durably owed to the promise sweep.
            Assert.Equal(Figure("Completed"), Jobs("Cases"));
            Assert.Equal(0, Jobs("Missing"));
            Assert.Equal(0, Jobs("Duplicates"));
            Assert.True(Jobs("MaxRunsPerCase") <= 1, output);
            Assert.Equal(Jobs("Cases"), Jobs("Evaluated") + Jobs("Owed"));
        }
        finally
        {
            File.Delete(resultFile);
        }
    }

    /// <summary>The benchmark as built next to this test (same configuration), against this test's database.</summary>
    private async Task<(int ExitCode, string Output)> RunBenchmarkAsync(params string[] args)
    {
        var testDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var root = testDir;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "HotlineService.sln"))) root = root.Parent;
        Assert.NotNull(root);
        var dll = Path.Combine(
            root.FullName, "bench", "Hotline.Benchmark", "bin", testDir.Parent!.Name, testDir.Name, "Hotline.Benchmark.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: build the solution first (./hotline test does)");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root.FullName, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["ConnectionStrings__Hotline"] = _cs;
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"the cluster smoke did not finish within 3 minutes:\n{output}");
        }
        process.WaitForExit(); // the last lines of output
        return (process.ExitCode, output.ToString());

        void Append(string? line)
        {
            if (line is null) return;
            lock (output) output.AppendLine(line);
        }
    }
}
