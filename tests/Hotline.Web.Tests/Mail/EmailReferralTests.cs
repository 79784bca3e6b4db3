using Hotline.Core.Referrals;
using Hotline.Web.Data;
using Hotline.Web.Infrastructure;
using Hotline.Web.Jobs;
using Hotline.Web.Referrals;
using Hotline.Web.Tests.Infrastructure;
using Hotline.Web.Tests.Referrals;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Web.Tests.Mail;

/// <summary>The service's SMTP settings point at a real SMTP server that insists on STARTTLS and AUTH; its certificate is pinned.</summary>
public sealed class MailReferralFixture : ReferralFixture
{
    public const string UserName = "hotline-relay";
    public const string Password = "relay-password-123";

    public MailReferralFixture() =>
        Smtp = TestSmtpServer.StartAsync(new TestSmtpServerOptions
            { StartTls = true, RequireTls = true, UserName = UserName, Password = Password }).GetAwaiter().GetResult();

    public TestSmtpServer Smtp { get; }

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Smtp:Host"] = Smtp.Host,
        ["Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:From"] = "referrals@hotline.test",
        ["Smtp:UserName"] = UserName,
        ["Smtp:Password"] = Password,
        // Smtp:UseTls is left to its default (true). The test server's throw-away certificate is trusted by its pin only.
        ["Smtp:TrustedCertificateSha256"] = Smtp.CertificateSha256Thumbprint,
    };
}

public sealed class EmailReferralTests : IClassFixture<MailReferralFixture>
{
    private readonly MailReferralFixture _f;

    public EmailReferralTests(MailReferralFixture fixture)
    {
        _f = fixture;
        _f.App.Clock.Set(TestClock.WednesdayAfternoon);
    }

    [Fact]
    public async Task Deliver_EmailAgency_ArrivesOverStartTlsAuthenticatedWithTheDeliveryIdAsMessageId()
    {
        var address = $"intake-{Guid.NewGuid():N}@shelter.example.org";
        var agency = await NewEmailAgencyAsync(address);
        var @case = await _f.NewCaseAsync(c => { c.ConsentToShare = true; c.Jurisdiction = "ZZ"; });
        Referral? referral = null;
        await _f.RunAsync<ReferralDesk>(async d => referral = await d.SendAsync(@case.Id, agency.Id, "op-1", "Operator One", default));

        await _f.RunAsync<ReferralDeliveryJob>(j => j.RunAsync(referral!.Id, 0));

        var mail = await _f.Smtp.WaitForMessageAsync(m => m.EnvelopeTo.Contains(address));
        Assert.True(mail.OverTls);
        Assert.Equal(MailReferralFixture.UserName, mail.UserName);
        Assert.Contains(@case.Reference, mail.Message.Subject + mail.Message.TextBody);
        var notification = await _f.App.WithDbAsync(
            db => Task.FromResult(db.Notifications.Single(n => n.ReferralId == referral!.Id && n.Channel == "Email")));
        Assert.Equal("Sent", notification.Status);
        Assert.Equal(EmailChannel.MessageIdFor(notification.Id, "hotline.test"), mail.Message.MessageId);
        Assert.Equal(ReferralStatus.Sent, (await _f.ReferralAsync(referral!.Id)).Status); // e-mail has no receipt
    }

    [Fact]
    public async Task Send_CertificateNotPinned_RefusesTheSelfSignedServerAndSendsNothing()
    {
        var settings = _f.App.Services.GetRequiredService<HotlineSettings>();
        var unpinned = new EmailChannel(new SmtpMailer(settings with { Smtp = settings.Smtp with { TrustedCertificateSha256 = null } }));
        var address = $"unpinned-{Guid.NewGuid():N}@example.org";

        var result = await unpinned.SendAsync(address, "Subject", "Text", Guid.NewGuid(), default);

        Assert.False(result.Sent);
        Assert.DoesNotContain(_f.Smtp.Messages, m => m.EnvelopeTo.Contains(address));
    }

    [Fact]
    public async Task Send_WrongPin_RefusesTheServer()
    {
        var settings = _f.App.Services.GetRequiredService<HotlineSettings>();
        var wrongPin = new EmailChannel(
            new SmtpMailer(settings with { Smtp = settings.Smtp with { TrustedCertificateSha256 = new string('A', 64) } }));

        var result = await wrongPin.SendAsync("wrong-pin@example.org", "Subject", "Text", Guid.NewGuid(), default);

        Assert.False(result.Sent);
        Assert.Contains("SMTP", result.Error);
    }

    [Fact]
    public void Settings_UseTlsNotConfigured_DefaultsToOn()
    {
        Assert.True(_f.App.Services.GetRequiredService<HotlineSettings>().Smtp.UseTls);
        Assert.True(new SmtpSettings().UseTls);
    }

    private async Task<Agency> NewEmailAgencyAsync(string address)
    {
        var id = Guid.NewGuid();
        var agency = new Agency
        {
            Id = id, Name = "Mail Shelter " + id.ToString("N")[..6], Type = AgencyType.Shelter, Jurisdictions = ["ZZ"],
            Languages = ["en"], TimeZone = "UTC", PathwayOrder = 99,
            Channels = [new AgencyChannel { Id = Guid.NewGuid(), AgencyId = id, Channel = NotificationChannel.Email, Address = address }],
        };
        await _f.App.WithDbAsync(async db => { db.Agencies.Add(agency); await db.SaveChangesAsync(); });
        return agency;
    }
}
