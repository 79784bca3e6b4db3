using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace Hotline.Benchmark;

/// <summary>
/// Debian's nginx as the load balancer in front of the nodes, from scripts/nginx-cluster.conf, run from a temporary
/// folder as a plain process: never the system service, no privileged port; as root it runs as the user nobody.
/// </summary>
public sealed class NginxProxy : IAsyncDisposable
{
    private readonly Process _process;

    private NginxProxy(Process process, string folder, int port, string version)
    {
        _process = process;
        Folder = folder;
        Port = port;
        Version = version;
    }

    public string Folder { get; }
    public int Port { get; }
    public string Version { get; }
    public Uri Url => new($"http://127.0.0.1:{Port}");
    public string AccessLog => Path.Combine(Folder, "access.log");

    public static async Task<NginxProxy> StartAsync(IEnumerable<int> nodePorts, int? port = null)
    {
        var nginx = Binary() ?? throw new InvalidOperationException(
            "nginx is not installed: ./hotline cluster and ./hotline bench --nodes 2 install Debian's package (as root), " +
            "or run: sudo apt-get install -y nginx");
        var folder = Directory.CreateTempSubdirectory("hotline-nginx.").FullName;
        var listen = port ?? InProcessService.FreePort();
        // The upstream servers: one failure takes a node out for 10 s (passive health; nginx has no active checks).
        var servers = string.Join("\n        ", nodePorts.Select(p => $"server 127.0.0.1:{p} max_fails=1 fail_timeout=10s;"));
        var template = await File.ReadAllTextAsync(Path.Combine(InProcessService.RepositoryRoot(), "scripts", "nginx-cluster.conf"));
        var config = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(config, template.Replace("@DIR@", folder).Replace("@SERVERS@", servers)
            .Replace("@PORT@", listen.ToString(CultureInfo.InvariantCulture)));
        var root = Environment.UserName == "root";
        if (root && !OperatingSystem.IsWindows())
        {
            // The unprivileged user writes its logs and temporary files here.
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
                | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute);
        }
        var start = new ProcessStartInfo(root ? "runuser" : nginx) { UseShellExecute = false, RedirectStandardError = true };
        foreach (var arg in (root ? ["-u", "nobody", "--", nginx] : Array.Empty<string>())
            .Concat(["-p", folder, "-c", config, "-e", Path.Combine(folder, "error.log"), "-g", "daemon off;"]))
        {
            start.ArgumentList.Add(arg);
        }
        var process = Process.Start(start)!;
        var proxy = new NginxProxy(process, folder, listen, await VersionAsync(nginx));
        await proxy.WaitUntilListeningAsync();
        return proxy;
    }

    /// <summary>What nginx did: requests per node, and those it sent to a second node after the first failed.</summary>
    public async Task<NginxFigures> FiguresAsync()
    {
        var lines = File.Exists(AccessLog) ? await File.ReadAllLinesAsync(AccessLog) : [];
        return NginxFigures.Parse(lines);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        if (Environment.GetEnvironmentVariable("HOTLINE_KEEP_NGINX") is { Length: > 0 })
        {
            Console.WriteLine($"nginx's folder kept (HOTLINE_KEEP_NGINX): {Folder}");
            return;
        }
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException) { } // a temp folder left behind is harmless
        catch (UnauthorizedAccessException) { }
    }

    private static readonly string[] Places = ["/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx"];

    public static string? Binary() => Places.FirstOrDefault(File.Exists);

    private async Task WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                var log = Path.Combine(Folder, "error.log");
                var said = await _process.StandardError.ReadToEndAsync();
                throw new InvalidOperationException(
                    $"nginx exited with {_process.ExitCode}: {said}" + (File.Exists(log) ? await File.ReadAllTextAsync(log) : ""));
            }
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new TimeoutException("nginx did not listen within 10 s");
    }

    private static async Task<string> VersionAsync(string nginx)
    {
        var start = new ProcessStartInfo(nginx, "-v") { RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var text = await process.StandardError.ReadToEndAsync(); // "nginx version: nginx/1.22.1"
        await process.WaitForExitAsync();
        return text.Trim().Split('/').LastOrDefault() ?? "?";
    }
}

/// <summary>The access log summed up: <c>METHOD URI STATUS "upstreams" "upstream statuses" seconds</c> per line.</summary>
public sealed record NginxFigures(
    int Requests, IReadOnlyDictionary<string, int> ByNode, int Resent, IReadOnlyDictionary<string, int> ResentByPath, int ServerErrors)
{
    public static NginxFigures Parse(IEnumerable<string> lines)
    {
        var byNode = new Dictionary<string, int>();
        var resentByPath = new Dictionary<string, int>();
        int requests = 0, resent = 0, serverErrors = 0;
        foreach (var line in lines)
        {
            var quoted = line.Split('"');
            var head = quoted[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (quoted.Length < 3 || head.Length < 3) continue;
            requests++;
            if (int.TryParse(head[2], CultureInfo.InvariantCulture, out var status) && status >= 500) serverErrors++;
            // "a:1, b:2" when the first node failed and nginx tried the next: the last one answered.
            var tried = quoted[1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (tried.Length > 1)
            {
                resent++;
                resentByPath[head[1]] = resentByPath.GetValueOrDefault(head[1]) + 1;
            }
            if (tried.Length > 0) byNode[tried[^1]] = byNode.GetValueOrDefault(tried[^1]) + 1;
        }
        return new NginxFigures(requests, byNode, resent, resentByPath, serverErrors);
    }
}
