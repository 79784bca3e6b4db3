using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Hotline.Web.Infrastructure;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace Hotline.Web.Referrals;

/// <summary>
/// How an SMTP connection is secured: TLS unless Smtp:UseTls is false, and the server's certificate checked by the
/// system's CAs, or, when Smtp:TrustedCertificateSha256 is set, also accepted when it is exactly that certificate.
/// There is deliberately no "accept any certificate" switch.
/// </summary>
public static class SmtpTrust
{
    /// <summary>Port 465 speaks TLS from the first byte; every other port starts in clear and must switch with STARTTLS.</summary>
    public static SecureSocketOptions SocketOptions(SmtpSettings smtp) =>
        !smtp.UseTls ? SecureSocketOptions.None
        : smtp.Port == 465 ? SecureSocketOptions.SslOnConnect
        : SecureSocketOptions.StartTls;

    /// <summary>Applies <see cref="SocketOptions"/>' certificate rule to a MailKit client before it connects.</summary>
    public static void Apply(SmtpClient client, SmtpSettings smtp)
    {
        if (smtp.TrustedCertificateSha256 is { } pin)
        {
            client.ServerCertificateValidationCallback = (_, certificate, _, errors) => IsTrusted(certificate, errors, pin);
        }
    }

    public static bool IsTrusted(X509Certificate? certificate, SslPolicyErrors errors, string pinnedSha256) =>
        errors == SslPolicyErrors.None
        || (certificate is not null && string.Equals(
            certificate.GetCertHashString(HashAlgorithmName.SHA256), pinnedSha256, StringComparison.OrdinalIgnoreCase));
}
