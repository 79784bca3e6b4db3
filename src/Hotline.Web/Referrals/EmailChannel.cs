using Hotline.Web.Infrastructure;
using MimeKit;

namespace Hotline.Web.Referrals;

/// <summary>Sends e-mail over SMTP (MailKit). Without Smtp:Host it fails with a reason instead of pretending.</summary>
public sealed class EmailChannel(SmtpMailer mailer)
{
    /// <param name="deliveryId">The notification's id: a retry carries the same Message-Id, so mail systems and readers can drop the
    /// repeat.</param>
    public async Task<DeliveryResult> SendAsync(string to, string subject, string text, Guid deliveryId, CancellationToken ct)
    {
        if (!mailer.Configured)
            return DeliveryResult.Fail("E-mail is not configured (Smtp:Host is empty), so nothing was sent");
        var message = new MimeMessage();
        message.From.Add(mailer.Sender);
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.MessageId = MessageIdFor(deliveryId, message.From.Mailboxes.First().Domain);
        message.Headers.Add(WebhookSignature.DeliveryIdHeader, deliveryId.ToString());
        message.Body = new TextPart("plain") { Text = text };
        try
        {
            return DeliveryResult.Ok(await mailer.SendAsync(message, ct));
        }
        catch (Exception e) when (SmtpMailer.IsDeliveryFailure(e))
        {
            return DeliveryResult.Fail($"The SMTP server refused or could not be reached: {e.Message}");
        }
    }

    /// <summary>A Message-Id derived from the delivery id (RFC 5322 wants a domain on the right; the sender's will do).</summary>
    public static string MessageIdFor(Guid deliveryId, string? domain) =>
        $"{deliveryId}@{(string.IsNullOrEmpty(domain) ? "hotline.invalid" : domain)}";
}
