using MimeKit;

namespace Hotline.Web.Tests.Mail;

/// <summary>One message the test SMTP server accepted: the envelope as the client gave it, and the parsed message.</summary>
/// <param name="EnvelopeFrom">MAIL FROM, as user@host.</param>
/// <param name="EnvelopeTo">RCPT TO addresses, as user@host.</param>
/// <param name="OverTls">True when the session had switched to TLS (STARTTLS) before the message was sent.</param>
/// <param name="UserName">The name the client authenticated with, or null when it did not authenticate.</param>
public sealed record ReceivedMail(
    MimeMessage Message, string EnvelopeFrom, IReadOnlyList<string> EnvelopeTo, bool OverTls, string? UserName);
