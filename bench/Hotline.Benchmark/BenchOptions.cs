using System.Globalization;
using Hotline.Simulator;

namespace Hotline.Benchmark;

/// <summary>What to run: a steady load (default), a burst, a soak, or the CI smoke test.</summary>
public sealed record BenchOptions
{
    public string Mode { get; init; } = "load";
    public int Callers { get; init; } = 200;
    public int Calls { get; init; } = 2000;
    /// <summary>Calls started per second; null = as fast as the callers can go.</summary>
    public double? Rate { get; init; }
    /// <summary>Webhooks per second offered by all callers together, each at a person's steady pace; null = as fast as answered.</summary>
    public double? WebhookRate { get; init; }
    public TimeSpan? Duration { get; init; }
    public Uri? Url { get; init; }
    public string? AuthToken { get; init; }
    public Uri? PublicBaseUrl { get; init; }
    public IReadOnlyList<string> Keys { get; init; } = ["1", "1", "2", "2", "1", "1", "2", "2"];
    public bool Baseline { get; init; } = true;
    /// <summary>Full-speed calls before the measured run, so the JIT has tiered the hot paths (not measured).</summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(20);
    /// <summary>The messaging scenario (--sms N): N concurrent texters instead of callers.</summary>
    public bool Sms => Mode is "sms" or "sms-smoke";
    /// <summary>The web chat scenario (--chat N): N concurrent visitors, each one chat with an advocate.</summary>
    public bool Chat => Mode is "chat" or "chat-smoke";
    /// <summary>Visitor message / advocate reply pairs per chat, after the intake (--exchanges).</summary>
    public int ChatExchanges { get; init; } = 10;
    /// <summary>How a texter answers the text menu (--texts), before the free texts of <see cref="TexterScript"/>.</summary>
    public IReadOnlyList<string> SmsAnswers { get; init; } = TexterScript.MenuAnswers;
    /// <summary>Service processes behind nginx (--nodes 2); 1 = the service in this process.</summary>
    public int Nodes { get; init; } = 1;
    /// <summary>With --nodes: the first node is killed with SIGKILL at this fraction of the duration (--kill-at 0.4).</summary>
    public double KillAt { get; init; } = 0.4;
    /// <summary>With --nodes: how long to wait after the run for the jobs the dead node held (the promise sweep's minute).</summary>
    public TimeSpan Settle { get; init; } = TimeSpan.FromSeconds(150);
    /// <summary>With --nodes: where to write the figures as JSON (--result FILE), for the automated test.</summary>
    public string? ResultFile { get; init; }
    /// <summary>With --nodes: run in this existing database of the server (--database NAME), neither created nor dropped.</summary>
    public string? Database { get; init; }

    public static BenchOptions Parse(string[] args)
    {
        var cmd = new CommandLine(args);
        var o = new BenchOptions
        {
            Callers = cmd.Int("callers") ?? 200,
            Calls = cmd.Int("calls") ?? (cmd["duration"] is null ? 2000 : int.MaxValue),
            Rate = cmd["rate"] is { } r ? double.Parse(r, CultureInfo.InvariantCulture) : null,
            WebhookRate = cmd["webhook-rate"] is { } wr ? double.Parse(wr, CultureInfo.InvariantCulture) : null,
            Duration = cmd["duration"] is { } d ? Span(d) : null,
            Url = cmd["url"] is { } u ? new Uri(u) : null,
            AuthToken = cmd["auth-token"] ?? Environment.GetEnvironmentVariable("Twilio__AuthToken"),
            PublicBaseUrl = cmd["public-base-url"] is { } p ? new Uri(p) : null,
            Keys = CommandLine.List(cmd["keys"]) ?? ["1", "1", "2", "2", "1", "1", "2", "2"],
            Baseline = cmd["baseline"] != "false",
        };
        if (cmd["warmup"] is { } w) o = o with { Warmup = Span(w) };
        if (cmd.Int("sms") is { } texters)
        {
            // N texters at once, each playing conversations one after another (five each unless --calls or --duration).
            o = o with
            {
                Mode = cmd.Has("smoke") ? "sms-smoke" : "sms", Callers = texters,
                SmsAnswers = CommandLine.List(cmd["texts"]) ?? o.SmsAnswers,
                Calls = cmd.Int("calls") ?? (cmd["duration"] is null ? texters * 5 : int.MaxValue), Rate = null, WebhookRate = null,
            };
            // The CI smoke: a few conversations each, a short warm-up; no timing is asserted, only errors and lost texts.
            if (!cmd.Has("smoke")) return o;
            var smokeWarmup = cmd["warmup"] is { } sw ? Span(sw) : TimeSpan.FromSeconds(2);
            return o with { Calls = cmd.Int("calls") ?? texters * 3, Warmup = smokeWarmup };
        }
        if (cmd.Int("chat") is { } visitors)
        {
            // N visitors at once, one chat each; the smoke exchanges fewer messages and warms up less.
            var smoke = cmd.Has("smoke");
            return o with
            {
                Mode = smoke ? "chat-smoke" : "chat", Callers = visitors, Calls = visitors, Rate = null, WebhookRate = null,
                ChatExchanges = cmd.Int("exchanges") ?? (smoke ? 3 : 10), Baseline = false,
                Warmup = cmd["warmup"] is { } cw ? Span(cw) : TimeSpan.FromSeconds(smoke ? 0 : 5),
            };
        }
        if (cmd.Int("nodes") is { } nodes and > 1) return Cluster(o, cmd, nodes);
        if (cmd.Int("burst") is { } burst)
            return o with { Mode = "burst", Calls = burst, Callers = burst, Rate = burst, Duration = null };
        if (cmd["soak"] is { } soak)
        {
            return o
                with
                { Mode = "soak", Duration = Span(soak), Calls = int.MaxValue, Callers = cmd.Int("callers") ?? 50, Rate = o.Rate ?? 10 };
        }
        if (cmd.Has("smoke"))
        {
            return o
                with
                { Mode = "smoke", Duration = TimeSpan.FromSeconds(10), Calls = int.MaxValue, Callers = cmd.Int("callers") ?? 20,
                    Rate = o.Rate ?? 20,
                            Warmup = cmd["warmup"] is { } sw ? Span(sw) : TimeSpan.FromSeconds(2) };
        }

        return o;
    }

    /// <summary>
    /// Several nodes behind nginx, one killed mid-run: a steady arrival rate (not full speed, which on a small host
    /// measures the CPU more than the failover). The smoke is the automated test's run: short, and it does not wait
    /// for the sweep (a promise still owed to it counts as kept, not lost).
    /// </summary>
    private static BenchOptions Cluster(BenchOptions o, CommandLine cmd, int nodes)
    {
        var smoke = cmd.Has("smoke");
        return o with
        {
            Mode = smoke ? "cluster-smoke" : "cluster", Nodes = nodes, Calls = cmd.Int("calls") ?? int.MaxValue,
            Duration = cmd["duration"] is { } d ? Span(d) : TimeSpan.FromSeconds(smoke ? 10 : 60),
            Callers = cmd.Int("callers") ?? (smoke ? 10 : 50), Rate = o.Rate ?? (smoke ? 4 : 20), WebhookRate = null,
            KillAt = cmd["kill-at"] is { } k ? double.Parse(k, CultureInfo.InvariantCulture) : 0.4,
            Settle = cmd["settle"] is { } s ? Span(s) : TimeSpan.FromSeconds(smoke ? 10 : 150),
            ResultFile = cmd["result"], Database = cmd["database"], Baseline = false, Warmup = TimeSpan.Zero,
        };
    }

    /// <summary>"90", "90s", "10m", "1h".</summary>
    public static TimeSpan Span(string text)
    {
        var unit = char.IsLetter(text[^1]) ? text[^1] : 's';
        var n = double.Parse(char.IsLetter(text[^1]) ? text[..^1] : text, CultureInfo.InvariantCulture);
        return unit switch
        {
            's' => TimeSpan.FromSeconds(n),
            'm' => TimeSpan.FromMinutes(n),
            'h' => TimeSpan.FromHours(n),
            _ => throw new ArgumentException($"bad duration '{text}' (use 90s, 10m, 1h)"),
        };
    }
}
