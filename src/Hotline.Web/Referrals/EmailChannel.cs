using Hotline.Web.Infrastructure;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Hotline.Web.Referrals;

/// <summary>Sends e-mail over SMTP (MailKit). Without Smtp:Host it fails with a reason instead of pretending.</summary>
public sealed class EmailChannel(HotlineSettings settings)
{
    /// <param name="deliveryId">The notification's id: a retry carries the same Message-Id, so mail systems and readers can drop the
    /// repeat.</param>
    public async Task<DeliveryResult> SendAsync(string to, string subject, string text, Guid deliveryId, CancellationToken ct)
    {
        var smtp = settings.Smtp;
        if (string.IsNullOrWhiteSpace(smtp.Host))
            return DeliveryResult.Fail("E-mail is not configured (Smtp:Host is empty), so nothing was sent");
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.MessageId = MessageIdFor(deliveryId, message.From.Mailboxes.First().Domain);
        message.Headers.Add(WebhookSignature.DeliveryIdHeader, deliveryId.ToString());
        message.Body = new TextPart("plain") { Text = text };
        try
        {
            using var client = new SmtpClient { Timeout = 15000 };
            SmtpTrust.Apply(client, smtp);
            await client.ConnectAsync(smtp.Host, smtp.Port, SmtpTrust.SocketOptions(smtp), ct);
            if (!string.IsNullOrEmpty(smtp.UserName)) await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
            var answer = await client.SendAsync(message, ct);
            await client.DisconnectAsync(true, ct);
            return DeliveryResult.Ok(answer);
        }
        catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or IOException
                                       or System.Net.Sockets.SocketException or AuthenticationException or SslHandshakeException)
        {
            return DeliveryResult.Fail($"The SMTP server refused or could not be reached: {e.Message}");
        }
    }

    /// <summary>A Message-Id derived from the delivery id (RFC 5322 wants a domain on the right; the sender's will do).</summary>
    public static string MessageIdFor(Guid deliveryId, string? domain) =>
        $"{deliveryId}@{(string.IsNullOrEmpty(domain) ? "hotline.invalid" : domain)}";
}
