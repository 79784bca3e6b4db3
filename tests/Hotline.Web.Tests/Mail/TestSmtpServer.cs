using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using ServiceProvider = SmtpServer.ComponentModel.ServiceProvider;

namespace Hotline.Web.Tests.Mail;

/// <summary>
/// A real SMTP server (the SmtpServer package) on a free loopback port, for tests that send mail the way production does.
/// Optional STARTTLS with a certificate made in the test (<see cref="Certificate"/>: the client has to trust it on purpose,
/// e.g. by pinning its thumbprint) and optional AUTH. Every accepted message is kept as a MimeKit message in <see cref="Messages"/>.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedMail> _messages = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly CancellationTokenSource _stop = new();
    private SmtpServer.SmtpServer? _server;
    private Task _running = Task.CompletedTask;

    private TestSmtpServer(TestSmtpServerOptions options, int port, X509Certificate2? certificate)
    {
        Options = options;
        Port = port;
        Certificate = certificate;
    }

    public TestSmtpServerOptions Options { get; }

    /// <summary>The host to connect to: the certificate names it, so a TLS client's name check passes.</summary>
    public string Host => "localhost";

    public int Port { get; }

    /// <summary>The self-signed certificate offered for STARTTLS, or null without STARTTLS.</summary>
    public X509Certificate2? Certificate { get; }

    /// <summary>The certificate's SHA-256 thumbprint (hex, upper case), the value a client pins to trust this server only.</summary>
    public string? CertificateSha256Thumbprint => Certificate?.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256);

    /// <summary>Messages accepted so far, in arrival order.</summary>
    public IReadOnlyList<ReceivedMail> Messages => [.. _messages];

    public static async Task<TestSmtpServer> StartAsync(TestSmtpServerOptions? options = null)
    {
        options ??= new TestSmtpServerOptions();
        var certificate = options.StartTls ? SelfSignedCertificate.ForLocalhost() : null;
        var server = new TestSmtpServer(options, FreePort(), certificate);
        await server.StartListeningAsync();
        return server;
    }

    /// <summary>Waits for the next message that matches (or any) and returns it; throws a TimeoutException after the timeout.</summary>
    public async Task<ReceivedMail> WaitForMessageAsync(Func<ReceivedMail, bool>? match = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var found = _messages.FirstOrDefault(m => match is null || match(m));
            if (found is not null) return found;
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) throw new TimeoutException($"No matching message reached the test SMTP server on port {Port}");
            await _arrived.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _server?.Shutdown();
        try
        {
            await _running.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException)
        {
            // Stopping is all that matters here; a session cut short by the shutdown is expected.
        }
        _stop.Dispose();
        Certificate?.Dispose();
    }

    private async Task StartListeningAsync()
    {
        var builder = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint =>
            {
                endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port));
                if (Certificate is not null) endpoint.Certificate(Certificate);
                if (Options.UserName is not null)
                {
                    endpoint.AuthenticationRequired().AllowUnsecureAuthentication(!Options.RequireTls);
                }
            });
        var services = new ServiceProvider();
        services.Add(new Store(this));
        services.Add(new DelegatingMailboxFilter(
            (context, _) => !Options.RequireTls || context.Pipe.IsSecure,
            (_, to, _) => Options.AcceptRecipient is null || Options.AcceptRecipient($"{to.User}@{to.Host}")));
        if (Options.UserName is not null)
        {
            services.Add(new DelegatingUserAuthenticator((user, password) => user == Options.UserName && password == Options.Password));
        }
        _server = new SmtpServer.SmtpServer(builder.Build(), services);
        _running = _server.StartAsync(_stop.Token);
        await WaitUntilListeningAsync();
    }

    private async Task WaitUntilListeningAsync()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (_running.IsFaulted) await _running;
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        throw new InvalidOperationException($"The test SMTP server did not start listening on port {Port}");
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private void Accept(ReceivedMail mail)
    {
        _messages.Enqueue(mail);
        _arrived.Release();
    }

    private sealed class Store(TestSmtpServer owner) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            var user = context.Authentication.IsAuthenticated ? context.Authentication.User : null;
            owner.Accept(new ReceivedMail(
                message,
                $"{transaction.From.User}@{transaction.From.Host}",
                [.. transaction.To.Select(t => $"{t.User}@{t.Host}")],
                context.Pipe.IsSecure,
                user));
            return SmtpResponse.Ok;
        }
    }
}
