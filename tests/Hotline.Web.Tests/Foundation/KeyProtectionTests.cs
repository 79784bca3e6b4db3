using System.Security.Cryptography.X509Certificates;
using Hotline.Web.Tests.Infrastructure;
using Hotline.Web.Tests.Mail;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Web.Tests.Foundation;

/// <summary>Data Protection keys with DataProtection:CertificatePath set: a PFX made in the test, with a password.</summary>
public sealed class CertificateKeysFixture : AppFixture
{
    public const string PfxPassword = "pfx-password-123";

    public CertificateKeysFixture()
    {
        using var certificate = SelfSignedCertificate.ForLocalhost();
        PfxPath = Path.Combine(Path.GetTempPath(), $"hotline-dp-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(PfxPath, certificate.Export(X509ContentType.Pfx, PfxPassword));
    }

    public string PfxPath { get; }

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["DataProtection:CertificatePath"] = PfxPath,
        ["DataProtection:CertificatePassword"] = PfxPassword,
    };
}

public sealed class KeyProtectionTests(CertificateKeysFixture fixture) : IClassFixture<CertificateKeysFixture>
{
    [Fact]
    public async Task Keys_CertificateConfigured_StoredEncryptedAndStillUsable()
    {
        var protector = fixture.App.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
        var sealedText = protector.Protect("round trip");

        var keys = await fixture.App.WithDbAsync(db => db.DataProtectionKeys.AsNoTracking().ToListAsync());
        Assert.NotEmpty(keys);
        Assert.All(keys, k =>
        {
            Assert.Contains("EncryptedData", k.Xml);
            Assert.DoesNotContain("<masterKey", k.Xml); // the key material itself is inside the encrypted part only
        });
        Assert.Equal("round trip", protector.Unprotect(sealedText));
    }
}
