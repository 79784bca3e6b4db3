namespace Hotline.Web.Tests.Mail;

/// <summary>How a <see cref="TestSmtpServer"/> behaves. The defaults: plain SMTP, no authentication, every recipient accepted.</summary>
public sealed record TestSmtpServerOptions
{
    /// <summary>Offer STARTTLS with a self-signed certificate made for this server (CN=localhost, SAN localhost and 127.0.0.1).</summary>
    public bool StartTls { get; init; }

    /// <summary>With <see cref="StartTls"/>: refuse MAIL FROM until the session is encrypted, as a strict server would.</summary>
    public bool RequireTls { get; init; }

    /// <summary>When set, the server requires AUTH with exactly this user name and <see cref="Password"/>.</summary>
    public string? UserName { get; init; }

    public string? Password { get; init; }

    /// <summary>Recipients for which this returns false are refused at RCPT TO (a 550), to test a refused delivery.</summary>
    public Func<string, bool>? AcceptRecipient { get; init; }
}
