using System.Runtime.InteropServices;
using Hotline.Simulator;

namespace Hotline.Benchmark;

/// <summary>
/// <c>./hotline cluster</c>: two service processes on the configured database, both running Hangfire servers, nginx
/// in front on one port. Runs until Ctrl-C (or SIGTERM), then stops them all.
/// </summary>
public static class ClusterServe
{
    public static async Task<int> RunAsync(string[] args)
    {
        var cmd = new CommandLine(args);
        var count = cmd.Int("nodes") ?? 2;
        var port = cmd.Int("port") ?? (int.TryParse(Environment.GetEnvironmentVariable("HOTLINE_PORT"), out var p) ? p : 5080);
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ConnectionStrings__Hotline")))
        {
            throw new InvalidOperationException(
                "Set ConnectionStrings__Hotline (./hotline cluster starts a local PostgreSQL and sets it).");
        }
        var url = $"http://127.0.0.1:{port}";
        // The nodes inherit this environment (the checkout's secrets, the database); what Twilio calls is nginx.
        var environment = new Dictionary<string, string>
        {
            ["Hotline__PublicBaseUrl"] = Environment.GetEnvironmentVariable("Hotline__PublicBaseUrl") ?? url,
            ["Hotline__KnownProxies"] = Environment.GetEnvironmentVariable("Hotline__KnownProxies") ?? "127.0.0.1",
            ["Hangfire__ServerEnabled"] = "true",
            ["DOTNET_hostBuilder__reloadConfigOnChange"] = "false",
        };
        var stop = new TaskCompletionSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        var nodes = new List<NodeProcess>();
        NginxProxy? nginx = null;
        try
        {
            // One after the other: the first creates and migrates the database, the second finds it ready.
            for (var i = 0; i < count && !stop.Task.IsCompleted; i++)
            {
                var node = NodeProcess.Start(((char)('a' + i)).ToString(), environment, echo: true);
                nodes.Add(node);
                await node.WaitUntilLiveAsync(TimeSpan.FromSeconds(120));
            }
            nginx = await NginxProxy.StartAsync(nodes.Select(n => n.Port), port);
            Console.WriteLine($"HotlineService cluster: {count} nodes ({string.Join(", ", nodes.Select(n => $"{n.Name} on :{n.Port}"))}) " +
                              $"behind nginx {nginx.Version} on {url}");
            Console.WriteLine($"  console:   {url}/");
            Console.WriteLine($"  jobs:      {url}/hangfire");
            Console.WriteLine($"  nginx:     {nginx.Folder} (nginx.conf, access.log, error.log)");
            Console.WriteLine("  Ctrl-C stops the nodes and nginx.");
            await Task.WhenAny(stop.Task, Task.WhenAll(nodes.Select(n => WaitForExitAsync(n, stop.Task))));
            return 0;
        }
        finally
        {
            if (nginx is not null) await nginx.DisposeAsync();
            await Task.WhenAll(nodes.Select(n => n.StopAsync(TimeSpan.FromSeconds(15))));
            foreach (var node in nodes) await node.DisposeAsync();
        }

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true; // the finally block stops the children
            stop.TrySetResult();
        }
    }

    private static async Task WaitForExitAsync(NodeProcess node, Task stopping)
    {
        while (!node.HasExited) await Task.Delay(500);
        if (!stopping.IsCompleted) Console.WriteLine($"node {node.Name} exited; nginx sends its requests to the others");
    }
}
