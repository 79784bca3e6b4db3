using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Hotline.Web.Referrals;

namespace Hotline.Web.Infrastructure;

/// <summary>
/// The one SMTP connection of the service (MailKit, the Smtp:* settings): referral e-mails and the monthly report both
/// send through it, so a change of server, port, TLS or login is made once.
/// </summary>
public sealed class SmtpMailer(HotlineSettings settings)
{
    public bool Configured => settings.Smtp.IsConfigured;

    public MailboxAddress Sender => MailboxAddress.Parse(settings.Smtp.From);

    /// <summary>Connects, signs in when a user name is set, sends, disconnects.</summary>
    /// <returns>The server's answer to the message.</returns>
    /// <exception cref="Exception">Whatever MailKit throws; <see cref="IsDeliveryFailure"/> tells the ones worth a retry.</exception>
    public async Task<string> SendAsync(MimeMessage message, CancellationToken ct)
    {
        var smtp = settings.Smtp;
        using var client = new SmtpClient { Timeout = 15000 };
        SmtpTrust.Apply(client, smtp);
        await client.ConnectAsync(smtp.Host ?? "", smtp.Port, SmtpTrust.SocketOptions(smtp), ct);
        if (!string.IsNullOrEmpty(smtp.UserName)) await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
        var answer = await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
        return answer;
    }

    /// <summary>The server refused, could not be reached, or the connection broke: the message was not (surely) sent.</summary>
    public static bool IsDeliveryFailure(Exception e) =>
        e is SmtpCommandException or SmtpProtocolException or IOException or System.Net.Sockets.SocketException or AuthenticationException
            or SslHandshakeException;
}
