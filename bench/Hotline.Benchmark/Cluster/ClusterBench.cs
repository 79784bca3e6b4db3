using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Hotline.Simulator;
using Npgsql;

namespace Hotline.Benchmark;

/// <summary>
/// <c>--nodes 2</c>: two service processes (each with its Hangfire server) on one fresh database, nginx in front,
/// callers through nginx, and the first node killed with SIGKILL part-way through. Passes when every call completed,
/// none was lost in the database, and each call's intake-ended job ran once (or is durably owed to the sweep).
/// </summary>
public static class ClusterBench
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var server = Environment.GetEnvironmentVariable("ConnectionStrings__Hotline") is { Length: > 0 } configured ? configured
            : Environment.GetEnvironmentVariable("HOTLINE_TEST_PG") is { Length: > 0 } test ? test
            : throw new InvalidOperationException("Set ConnectionStrings__Hotline or HOTLINE_TEST_PG (./hotline bench sets it).");
        // A database of our own, dropped at the end, unless the caller brings one (the test: a migrated copy, faster to start).
        var database = options.Database ?? "bench_" + Guid.NewGuid().ToString("N")[..12];
        var admin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString;
        if (options.Database is null) await InProcessService.ExecuteAsync(admin, $"CREATE DATABASE {database}");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var proxyPort = InProcessService.FreePort();
        var environment = NodeEnvironment(connectionString, token, $"http://127.0.0.1:{proxyPort}");
        var nodes = Enumerable.Range(0, options.Nodes).Select(i => NodeProcess.Start(((char)('a' + i)).ToString(), environment)).ToList();
        try
        {
            var starting = Stopwatch.StartNew();
            await Task.WhenAll(nodes.Select(n => n.WaitUntilLiveAsync(TimeSpan.FromSeconds(90))));
            await using var nginx = await NginxProxy.StartAsync(nodes.Select(n => n.Port), proxyPort);
            var victim = nodes[0];
            var killAt = options.Duration!.Value * options.KillAt;
            Console.WriteLine($"HotlineService benchmark — mode {options.Mode}, {options.Nodes} nodes " +
                              $"({string.Join(", ", nodes.Select(n => $"{n.Name} on :{n.Port}"))}, live after " +
                              $"{starting.Elapsed.TotalSeconds:F1} s) behind nginx {nginx.Version} at {nginx.Url}; " +
                              $"{options.Callers} callers, " +
                              $"rate {(options.Rate is { } r ? $"{r} calls/s" : "max")}, duration {options.Duration}; node {victim.Name} " +
                              $"killed (SIGKILL) at {killAt.TotalSeconds:F0} s");
            Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");

            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 100_000 })
            {
                Timeout = TimeSpan.FromSeconds(15), // Twilio gives up after 15 s
            };
            var latencies = new LatencyRecorder();
            var runner = new LoadRunner(new WebhookClient(http, nginx.Url, token) { Observed = latencies.Record }, options);
            var clock = Stopwatch.StartNew();
            var kill = Task.Run(async () =>
            {
                await Task.Delay(killAt);
                await victim.KillAsync();
                return clock.Elapsed;
            });
            await runner.RunAsync();
            var killedAt = await kill;
            Report.Load(options, runner, latencies, null, []);

            // The intake-ended jobs of the last calls run a moment after them; those the dead node held are kept by the
            // promise sweep (a minute's grace, then the next minutely run): wait for them up to --settle.
            var sids = runner.Completed.Select(c => c.CallSid).ToList();
            var settling = Stopwatch.StartNew();
            var jobs = await JobAudit.CheckAsync(connectionString, sids);
            for (var stalled = 0; !jobs.Settled && settling.Elapsed < options.Settle;)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
                var before = jobs.Evaluated;
                jobs = await JobAudit.CheckAsync(connectionString, sids);
                // The smoke does not wait for the sweep: once the survivor has run all it can, what is left is owed.
                stalled = jobs.Evaluated == before ? stalled + 1 : 0;
                if (options.Mode == "cluster-smoke" && stalled >= 2) break;
            }
            var calls = await CaseAudit.CheckAsync(connectionString, [.. runner.Completed]);
            var proxy = await nginx.FiguresAsync();
            string NodeOf(string address) => nodes.FirstOrDefault(n => address.EndsWith($":{n.Port}", StringComparison.Ordinal))?.Name
                ?? address;

            var failedRequests = latencies.Samples.Count(s => s.Status is not (200 or 204));
            Console.WriteLine($"cluster: node {victim.Name} killed at {killedAt.TotalSeconds:F1} s; survivors still up: " +
                              $"{string.Join(", ", nodes.Where(n => !n.HasExited).Select(n => n.Name))}");
            Console.WriteLine($"nginx: {proxy.Requests} requests answered by " +
                              $"{string.Join(", ", proxy.ByNode.OrderBy(p => NodeOf(p.Key)).Select(p => $"{NodeOf(p.Key)} {p.Value}"))}; " +
                              $"{proxy.Resent} resent to the other node after a failure " +
                              $"({string.Join(", ", proxy.ResentByPath.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}"))}); " +
                              $"{proxy.ServerErrors} answered 5xx");
            Console.WriteLine($"database: {calls.Checked} completed calls checked; missing case {calls.MissingCase}, missing answers " +
                              $"{calls.MissingAnswers}; lost = {calls.Lost}; calls with an answer stored twice = {calls.DoubledAnswers}");
            Console.WriteLine($"jobs: intake-ended evaluated for {jobs.Evaluated} of {jobs.Cases} cases " +
                              $"({jobs.BySweep} kept by the promise sweep), {jobs.Owed} still owed to the sweep after " +
                              $"{settling.Elapsed.TotalSeconds:F0} s, {jobs.Missing} missing; most runs of one case's job: " +
                              $"{jobs.MaxRunsPerCase}; duplicates = {jobs.Duplicates}");

            var result = new ClusterResult(
                options.Nodes, victim.Name, killedAt.TotalSeconds, runner.CompletedCount, runner.Failed, failedRequests, calls.Lost,
                calls.DoubledAnswers, jobs, proxy.Requests, proxy.Resent, proxy.ServerErrors,
                proxy.ByNode.ToDictionary(p => NodeOf(p.Key), p => p.Value));
            if (options.ResultFile is { } file) await File.WriteAllTextAsync(file, JsonSerializer.Serialize(result));
            // Owed promises are not lost (the sweep keeps them), but the run waited long enough only when none is left.
            return result.Passed && (options.Mode == "cluster-smoke" || jobs.Owed == 0) ? 0 : 1;
        }
        finally
        {
            foreach (var node in nodes) await node.DisposeAsync();
            NpgsqlConnection.ClearAllPools();
            if (options.Database is null) await InProcessService.ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    /// <summary>Each node's settings: the same database and secrets; jobs on; Twilio's API nowhere (no job may reach it).</summary>
    private static Dictionary<string, string> NodeEnvironment(string connectionString, string token, string publicBaseUrl) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["ConnectionStrings__Hotline"] = connectionString,
        ["Twilio__AccountSid"] = "AC" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
        ["Twilio__AuthToken"] = token,
        ["Twilio__ApiBaseUrl"] = "http://127.0.0.1:9",
        // Twilio signs the URL it called: nginx's. The nodes rebuild it from this, whichever of them answers.
        ["Hotline__PublicBaseUrl"] = publicBaseUrl,
        ["Hotline__KnownProxies"] = "127.0.0.1",
        ["Hotline__CallerHashKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["Agencies__WebhookSigningSecret"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["Hangfire__ServerEnabled"] = "true",
        ["RateLimits__PerCallerPerMinute"] = "1000000",
        ["Logging__LogLevel__Default"] = "Warning",
        ["DOTNET_hostBuilder__reloadConfigOnChange"] = "false",
    };
}

/// <summary>The figures of a <c>--nodes</c> run, written with --result FILE for the automated test.</summary>
public sealed record ClusterResult(
    int Nodes, string KilledNode, double KilledAtSeconds, int Completed, int Failed, int FailedRequests, int Lost, int DoubledAnswers,
    JobAudit.Result Jobs, int ProxyRequests, int ProxyResent, int ProxyServerErrors, IReadOnlyDictionary<string, int> AnsweredByNode)
{
    public bool Passed => Completed > 0 && Failed == 0 && FailedRequests == 0 && Lost == 0 && DoubledAnswers == 0 && Jobs.Missing == 0
        && Jobs.Duplicates == 0;
}
