using System.Net;
using Hotline.Benchmark;
using Hotline.Simulator;

// Load benchmark: many simulated callers against the real service (in-process on a real Kestrel port and a
// fresh PostgreSQL database, or --url for a running one), then a bare baseline, SQL and allocation costs.
var options = BenchOptions.Parse(args);
if (args.Contains("--cluster")) return await ClusterServe.RunAsync(args);
if (options.Nodes > 1) return await ClusterBench.RunAsync(options);
InProcessService? service = null;
if (options.Url is null) service = await InProcessService.StartAsync();
try
{
    var url = service?.Url ?? options.Url!;
    var token = service?.AuthToken ?? options.AuthToken
        ?? throw new ArgumentException("--auth-token or Twilio__AuthToken is needed with --url");
    var connectionString = service?.ConnectionString ?? Environment.GetEnvironmentVariable("ConnectionStrings__Hotline");
    using var http = new HttpClient(
        new SocketsHttpHandler { MaxConnectionsPerServer = 100_000, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
    {
        Timeout = TimeSpan.FromSeconds(15), // Twilio gives up after 15 s
    };
    var latencies = new LatencyRecorder();
    var client = new WebhookClient(http, url, token, options.PublicBaseUrl) { Observed = latencies.Record };
    var quiet = new WebhookClient(http, url, token, options.PublicBaseUrl);

    if (options.Sms)
    {
        Console.WriteLine($"messaging: {options.Callers} concurrent texters, {TexterScript.MessagesPerConversation(options.SmsAnswers)} " +
                          "texts per conversation (first message, the menu by text, free texts with a burst of 4)");
    }
    if (options.Chat)
    {
        if (service is null) throw new ArgumentException("--chat plays the advocates in-process: it cannot run with --url");
        Console.WriteLine($"web chat: {options.Callers} concurrent visitors, each: start, the hub, the intake " +
                          $"({ChatLoadRunner.IntakeLabels.Length + 1} messages), then {options.ChatExchanges} messages each way");
    }
    var (who, what) = options.Sms ? ("texters", "conversations") : options.Chat ? ("visitors", "chats") : ("callers", "calls");
    Console.WriteLine($"HotlineService benchmark — mode {options.Mode}, {options.Callers} {who}, " +
                      $"{(options.Calls == int.MaxValue ? "unbounded" : options.Calls)} {what}, rate " +
                          $"{(options.Rate is { } r ? $"{r} calls/s" : options.WebhookRate is { } wr ? $"{wr} webhooks/s" : "max")}" +
                      $"{(options.Duration is { } d ? $", duration {d}" : "")}, target {url} " +
                          $"({(service is null ? "external" : "in-process")})");
    Console.WriteLine(
        $"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, server GC " +
        $"{System.Runtime.GCSettings.IsServerGC}");

    // Warm-up, not measured: a hotline's service has been up for days when the appeal airs, so the JIT has tiered
    // its hot paths and the pools are full. Without it the first half-minute measures the JIT, not the service.
    if (options.Warmup > TimeSpan.Zero)
    {
        var warmupOptions = options
            with
            { Calls = int.MaxValue, Rate = null, WebhookRate = null, Duration = options.Warmup, Callers = Math.Min(options.Callers, 200) };
        ILoadRun warmup = options.Sms ? new SmsLoadRunner(quiet, warmupOptions)
            : options.Chat ? new ChatLoadRunner(http, service!, warmupOptions with { Callers = Math.Min(options.Callers, 20) }, null)
            : new LoadRunner(quiet, warmupOptions);
        await warmup.RunAsync();
        Console.WriteLine($"warm-up: {warmup.CompletedCount} {warmup.Unit} in {warmup.Elapsed.TotalSeconds:F0} s (not measured)");
    }
    service?.SqlCounter.Reset();

    var cpu = new CpuMeter(service?.Database);
    var cpuBefore = cpu.Read();
    ILoadRun runner = options.Sms ? new SmsLoadRunner(client, options)
        : options.Chat ? new ChatLoadRunner(http, service!, options, latencies)
        : new LoadRunner(client, options);
    await using (var sampler = new ResourceSampler(TimeSpan.FromSeconds(5)))
    {
        await runner.RunAsync();
        Report.Load(options, runner, latencies, service?.SqlCounter.Snapshot(), sampler.Samples);
    }
    var cpuAfter = cpu.Read();
    Console.WriteLine($"cpu per webhook: {CpuMeter.PerRequest(cpuBefore, cpuAfter, Math.Max(1, latencies.Samples.Count))}");

    var lost = -1;
    if (connectionString is not null && runner is SmsLoadRunner texts)
    {
        var audit = await TranscriptAudit.CheckAsync(connectionString, [.. texts.Conversations]);
        lost = audit.Lost;
        Console.WriteLine(
            $"database: {audit.Conversations} conversations checked, {audit.Sent} texts sent, {audit.Found} texter rows found " +
            $"in their transcripts; lost = {audit.Lost}; conversations with a text stored out of order (bursts excepted): " +
            $"{audit.OutOfOrder}");
    }
    else if (connectionString is not null && runner is ChatLoadRunner chats)
    {
        var audit = await TranscriptAudit.CheckChatAsync(connectionString, [.. chats.Conversations]);
        lost = audit.Lost;
        Report.Chat(chats, latencies);
        Console.WriteLine(
            $"database: {audit.Conversations} chats checked, {audit.Sent} messages sent (both ways), {audit.Found} rows found " +
            $"in their transcripts, {audit.Unseen} replies never seen by the visitor; lost = {audit.Lost}");
    }
    else if (connectionString is not null && runner is LoadRunner calls)
    {
        var audit = await CaseAudit.CheckAsync(connectionString, [.. calls.Completed]);
        lost = audit.Lost;
        Console.WriteLine(
            $"database: {audit.Checked} completed calls checked; missing case {audit.MissingCase}, missing answers " +
            $"{audit.MissingAnswers}; lost = {audit.Lost}");
    }
    else
    {
        Console.WriteLine("database: not checked (set ConnectionStrings__Hotline to check cases with --url)");
    }

    var webhooks = latencies.Samples.Count;
    var baselineErrors = 0;
    // The baseline and the allocation probe replay calls: the messaging scenario reports its own figures only.
    if (options.Baseline && runner is LoadRunner { Completed.IsEmpty: false } voice)
    {
        var sids = voice.Completed.Select(c => c.CallSid).ToList();
        var requests = Math.Clamp(webhooks, 1000, 20_000);
        await LoadRunner.BaselineAsync(quiet, sids, Math.Min(options.Callers, 200), requests / 4); // its warm-up
        var baseBefore = cpu.Read();
        var (n, elapsed, errors) = await LoadRunner.BaselineAsync(quiet, sids, Math.Min(options.Callers, 200), requests);
        var baseAfter = cpu.Read();
        baselineErrors = errors; // a failing baseline answers fast and would flatter the ratio: it fails the run
        var baseline = n / elapsed.TotalSeconds;
        var real = webhooks / runner.Elapsed.TotalSeconds;
        Console.WriteLine($"baseline: {n} requests in {elapsed.TotalSeconds:F1} s = {baseline:F0} webhooks/s ({errors} errors); " +
                          $"real/baseline = {real / baseline:F2}" +
                          (options.Rate is null && options.WebhookRate is null ? "" : " (the real run was rate-limited)"));
        var realCpu = (cpuAfter.Process - cpuBefore.Process + cpuAfter.Postgres - cpuBefore.Postgres).TotalMilliseconds / Math.Max(
            1, webhooks);
        var baseCpu = (baseAfter.Process - baseBefore.Process + baseAfter.Postgres - baseBefore.Postgres).TotalMilliseconds / n;
        Console.WriteLine($"baseline cpu per request: {CpuMeter.PerRequest(baseBefore, baseAfter, n)}; " +
                          $"capacity ratio by CPU (baseline cost / real cost) = {baseCpu / realCpu:F2}");
    }

    if (service is not null && runner is LoadRunner)
    {
        var (serviceBytes, clientBytes) = await AllocationProbe.MeasureAsync(http, url, token, options.Keys);
        Console.WriteLine(
            $"allocations: {serviceBytes / 1024:F1} KB per webhook in the service (+{clientBytes / 1024:F1} KB in the simulated caller)");
    }

    var failedRequests = latencies.Samples.Count(s => s.Status is not ((int)HttpStatusCode.OK or (int)HttpStatusCode.NoContent));
    return failedRequests == 0 && runner.Failed == 0 && lost <= 0 && baselineErrors == 0 ? 0 : 1;
}
finally
{
    if (service is not null) await service.DisposeAsync();
}
