using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Hotline.Web.Tests.Infrastructure;

/// <summary>
/// The service as operators run it: <c>dotnet Hotline.Web.dll</c> in a child process of its own, on a free local
/// port, configured only through environment variables (the test database, the Twilio mock, the test secrets).
/// Unlike <see cref="HotlineApp"/> it can be killed the hard way (SIGKILL): no shutdown hooks, no flushing.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ServiceProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }
    public int ExitCode => _process.ExitCode;

    /// <summary>The last lines the service wrote, for a failing test's message.</summary>
    public string OutputTail => string.Join('\n', _output.TakeLast(40));

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public static async Task<ServiceProcess> StartAsync(string connectionString, TwilioApiMock twilio)
    {
        var (dll, contentRoot) = BuiltService();
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = contentRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, "--urls", $"http://127.0.0.1:{port}", "--contentRoot", contentRoot }) start.ArgumentList.Add(arg);
        foreach (var (key, value) in Environment(connectionString, twilio)) start.Environment[key] = value;

        var process = new Process { StartInfo = start };
        var service = new ServiceProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => service.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => service.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await service.WaitUntilLiveAsync();
        return service;
    }

    /// <summary>
    /// Runs <c>dotnet Hotline.Web.dll ARGS</c> (a command such as <c>agencies import FILE</c>) to its end, with the same
    /// configuration as <see cref="StartAsync"/>; returns its exit code and everything it printed.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(
        string connectionString, TwilioApiMock twilio, params string[] args)
    {
        var (dll, contentRoot) = BuiltService();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = contentRoot, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var arg in args.Prepend(dll)) start.ArgumentList.Add(arg);
        foreach (var (key, value) in Environment(connectionString, twilio)) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await errors);
    }

    /// <summary>The service's configuration, as operators give it: environment variables only.</summary>
    private static Dictionary<string, string> Environment(string connectionString, TwilioApiMock twilio) =>
        new()
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["ConnectionStrings__Hotline"] = connectionString,
            ["Twilio__AccountSid"] = TwilioApiMock.AccountSid,
            ["Twilio__AuthToken"] = HotlineApp.AuthToken,
            ["Twilio__PhoneNumber"] = HotlineApp.HotlineNumber,
            ["Twilio__ApiBaseUrl"] = twilio.Url,
            // Twilio signs the URL it was configured with; the test signs with the same base, as in HotlineApp.
            ["Hotline__PublicBaseUrl"] = HotlineApp.PublicBaseUrl,
            ["Hotline__CallerHashKey"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()),
            ["Agencies__WebhookSigningSecret"] = Convert.ToBase64String(HotlineApp.AgencyWebhookSecret),
            ["Hotline__SupervisorPhone"] = "+15550100999",
            ["Hotline__BackupLine"] = "+15550100111",
            ["Hangfire__ServerEnabled"] = "false",
            ["Admin__Email"] = HotlineApp.AdminEmail,
            ["Admin__Password"] = HotlineApp.AdminPassword,
            ["RateLimits__PerCallerPerMinute"] = "100000",
            ["DOTNET_NOLOGO"] = "1",
            ["Hotline__FlowFile"] = AlwaysOpenFlow.Value,
        };

    /// <summary>
    /// The national flow with its hours made 24/7 and no holidays: a test call walks to the queue at any hour. The real
    /// flow closes at 23:00 in Chicago, and CI also runs at night (a child process cannot be given a test clock).
    /// </summary>
    private static readonly Lazy<string> AlwaysOpenFlow = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "flows", "national.yaml"))) dir = dir.Parent;
        var text = File.ReadAllText(Path.Combine(dir!.FullName, "flows", "national.yaml"));
        text = Regex.Replace(text, @"^(  (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)): ""[^""]*""",
            "$1: \"00:00-24:00\"", RegexOptions.Multiline);
        text = Regex.Replace(text, @"^holidays: \[[^\]]*\]", "holidays: []", RegexOptions.Multiline);
        var file = Path.Combine(Path.GetTempPath(), $"hotline-always-open-{System.Environment.ProcessId}.yaml");
        File.WriteAllText(file, text);
        return file;
    });

    /// <summary>SIGKILL: the process ends at once, whatever it was doing.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) await KillAsync();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > 200) _output.TryDequeue(out _);
    }

    private async Task WaitUntilLiveAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"The service exited with {_process.ExitCode} while starting:\n{OutputTail}");
            }
            try
            {
                if ((await client.GetAsync("health/live")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { } // not listening yet
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The service did not become live within 90 s:\n{OutputTail}");
    }

    /// <summary>
    /// Hotline.Web.dll as built by <c>./hotline test</c> (the solution, in the test's own configuration), run from
    /// its project folder so it finds appsettings.json and the flow files exactly as <c>./hotline run</c> does.
    /// </summary>
    private static (string Dll, string ContentRoot) BuiltService()
    {
        var testDir = new DirectoryInfo(AppContext.BaseDirectory);
        var framework = testDir.Name; // net10.0
        var configuration = testDir.Parent!.Name; // Release or Debug
        var root = testDir;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "HotlineService.sln"))) root = root.Parent;
        if (root is null) throw new InvalidOperationException($"No HotlineService.sln above {AppContext.BaseDirectory}");
        var contentRoot = Path.Combine(root.FullName, "src", "Hotline.Web");
        var dll = Path.Combine(contentRoot, "bin", configuration, framework, "Hotline.Web.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"{dll} is missing: build the solution first (./hotline test does)");
        return (dll, contentRoot);
    }

    /// <summary>A local port nobody listens on now: bound for a moment to learn a free one, then released.</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
