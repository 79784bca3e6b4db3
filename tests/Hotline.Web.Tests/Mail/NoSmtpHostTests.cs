using System.Net;
using Hotline.Web.Referrals;
using Hotline.Web.Tests.Console;
using Hotline.Web.Tests.Infrastructure;

namespace Hotline.Web.Tests.Mail;

/// <summary>No Smtp:Host, while the seeded directory has e-mail channels.</summary>
public sealed class NoSmtpHostFixture : AppFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Smtp:Host"] = "" };
}

public sealed class NoSmtpHostTests(NoSmtpHostFixture fixture) : IClassFixture<NoSmtpHostFixture>
{
    [Fact]
    public async Task Ready_EmailChannelsWithoutSmtpHost_IsDegradedNot503()
    {
        var response = await fixture.App.CreateClient().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Degraded", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AgencyForm_EmailChannelWithoutSmtpHost_IsRefusedWithTheReason()
    {
        var admin = await ConsoleClient.SignedInAsync(fixture.App, HotlineApp.AdminEmail, HotlineApp.AdminPassword);
        var name = "No Mail Shelter " + Guid.NewGuid().ToString("N")[..6];

        var response = await ConsoleClient.PostFormAsync(admin, "/admin/agencies/new", "/admin/agencies/new", new()
        {
            ["Name"] = name, ["Type"] = "Shelter", ["Jurisdictions"] = "ZZ", ["Languages"] = "en", ["Hours"] = "24/7",
            ["TimeZone"] = "UTC", ["PathwayOrder"] = "10", ["Active"] = "true", ["Channels"] = "email intake@shelter.example.org",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // the form again, not a redirect
        Assert.Contains(WebUtility.HtmlEncode("no SMTP server is configured"), await response.Content.ReadAsStringAsync());
        Assert.False(await fixture.App.WithDbAsync(db => Task.FromResult(db.Agencies.Any(a => a.Name == name))));
    }

    [Fact]
    public async Task AgencyForm_SmsChannelWithoutSmtpHost_IsAccepted()
    {
        var admin = await ConsoleClient.SignedInAsync(fixture.App, HotlineApp.AdminEmail, HotlineApp.AdminPassword);

        var response = await ConsoleClient.PostFormAsync(admin, "/admin/agencies/new", "/admin/agencies/new", new()
        {
            ["Name"] = "Sms Shelter " + Guid.NewGuid().ToString("N")[..6], ["Type"] = "Shelter", ["Jurisdictions"] = "ZZ",
            ["Languages"] = "en", ["Hours"] = "24/7", ["TimeZone"] = "UTC", ["PathwayOrder"] = "10", ["Active"] = "true",
            ["Channels"] = "sms +15125550100",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public void Problems_EmailChannelWhileEmailConfigured_NoSmtpComplaint() =>
        Assert.DoesNotContain(
            new AgencyForm { Name = "X", Channels = "email a@example.org" }.Problems(emailConfigured: true),
            p => p.Error == AgencyForm.NoSmtpHostError);
}
