using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace Hotline.Web.Infrastructure;

/// <summary>
/// Data Protection keys (they guard sign-in cookies, agency links and encrypted personal data) are stored in PostgreSQL.
/// With a certificate configured they are encrypted there with it, so a database dump alone does not give them away:
/// DataProtection:CertificatePath (+ CertificatePassword) for a PFX file, or DataProtection:CertificateThumbprint for a
/// certificate in the machine's or user's "My" store. Without either they are stored unencrypted (as before).
/// </summary>
public static class KeyProtection
{
    public static IDataProtectionBuilder ProtectKeysWithConfiguredCertificate(this IDataProtectionBuilder builder, IConfiguration config)
    {
        var path = config["DataProtection:CertificatePath"];
        var thumbprint = config["DataProtection:CertificateThumbprint"];
        if (!string.IsNullOrWhiteSpace(path))
        {
            var certificate = LoadPfx(path, config["DataProtection:CertificatePassword"]);
            // Decrypting needs the same certificate; given explicitly so it need not be in a store.
            return builder.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
        if (!string.IsNullOrWhiteSpace(thumbprint))
        {
            return builder.ProtectKeysWithCertificate(thumbprint.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant());
        }
        return builder;
    }

    private static X509Certificate2 LoadPfx(string path, string? password)
    {
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
            if (!certificate.HasPrivateKey)
            {
                throw new ConfigurationException(
                    $"DataProtection:CertificatePath '{path}' has no private key: keys could not be read back");
            }
            return certificate;
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException(
                $"DataProtection:CertificatePath '{path}' could not be loaded ({e.Message.TrimEnd('.')}): check the file and " +
                "DataProtection:CertificatePassword");
        }
    }
}
