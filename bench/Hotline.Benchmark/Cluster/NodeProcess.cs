using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace Hotline.Benchmark;

/// <summary>
/// One service node as operators run it: <c>dotnet Hotline.Web.dll</c> in a process of its own on a local port,
/// configured through environment variables only. It can be killed the hard way (SIGKILL: no shutdown of any kind).
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly bool _echo;

    private NodeProcess(string name, int port, Process process, bool echo)
    {
        Name = name;
        Port = port;
        _process = process;
        _echo = echo;
    }

    public string Name { get; }
    public int Port { get; }
    public Uri Url => new($"http://127.0.0.1:{Port}/");
    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the node wrote, for an error message.</summary>
    public string OutputTail => string.Join('\n', _output.TakeLast(30));

    /// <summary>Starts the built service (src/Hotline.Web, this build's configuration); <paramref name="echo"/> prints its log.</summary>
    public static NodeProcess Start(string name, IReadOnlyDictionary<string, string> environment, bool echo = false)
    {
        var root = InProcessService.RepositoryRoot();
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var contentRoot = Path.Combine(root, "src", "Hotline.Web");
        var dll = Path.Combine(contentRoot, "bin", here.Parent!.Name, here.Name, "Hotline.Web.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"{dll} is missing: build the solution or the benchmark first");
        var port = InProcessService.FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = contentRoot, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, "--urls", $"http://127.0.0.1:{port}", "--contentRoot", contentRoot }) start.ArgumentList.Add(arg);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        var process = new Process { StartInfo = start };
        var node = new NodeProcess(name, port, process, echo);
        process.OutputDataReceived += (_, e) => node.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => node.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    public async Task WaitUntilLiveAsync(TimeSpan within)
    {
        using var client = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"node {Name} exited with {_process.ExitCode}:\n{OutputTail}");
            try
            {
                if ((await client.GetAsync("health/live")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { } // not listening yet
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"node {Name} was not live within {within.TotalSeconds:F0} s:\n{OutputTail}");
    }

    /// <summary>SIGKILL: the process ends at once, whatever it was doing (a request half answered, a job half run).</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>Ctrl-C's way: SIGTERM, so the node drains and stops its job server.</summary>
    public async Task StopAsync(TimeSpan within)
    {
        if (_process.HasExited) return;
        Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]).WaitForExit();
        using var timeout = new CancellationTokenSource(within);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        if (_echo) Console.WriteLine($"[{Name}] {line}");
        _output.Enqueue(line);
        while (_output.Count > 200) _output.TryDequeue(out _);
    }
}
