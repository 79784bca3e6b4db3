using System.Net;
using Hotline.Core.Referrals;
using Hotline.Web.Data;
using Hotline.Web.Jobs;
using Hotline.Web.Referrals;
using Hotline.Web.Tests.Console;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Web.Tests.Reliability;

/// <summary>Failures are told in words, and only the truth: no "sent" that was not, no Twilio URLs or account ids on screen.</summary>
public class FailureWordsTests(AppFixture fixture) : IClassFixture<AppFixture>, IDisposable
{
    public void Dispose() => fixture.Twilio.Restore();

    [Fact]
    public async Task SmsChannel_TwilioUnreachable_SaysSoWithoutTheAccountUrl()
    {
        fixture.Twilio.StubUnreachable(fixture.Twilio.MessagesPath);

        var result = await SendSmsAsync();

        Assert.False(result.Sent);
        Assert.Equal("SMS not sent: Twilio could not be reached", result.Error);
    }

    [Fact]
    public async Task SmsChannel_TwilioRefusesTheNumber_SaysWhyInWords()
    {
        fixture.Twilio.StubError(fixture.Twilio.MessagesPath, 400, 21211);

        var result = await SendSmsAsync();

        Assert.False(result.Sent);
        Assert.StartsWith("SMS not sent: Twilio cannot reach that number (error 21211)", result.Error);
        Assert.DoesNotContain(TwilioApiMock.AccountSid, result.Error);
        Assert.DoesNotContain("/2010-04-01/", result.Error);
    }

    [Fact]
    public async Task CasePage_ReferralDeliveryFailedTwilioDown_SaysNotDeliveredAndWhatToDoWithoutUrls()
    {
        fixture.Twilio.StubUnreachable(fixture.Twilio.MessagesPath);
        var caller = await ConsoleSeed.QueuedCallerAsync(fixture.App);
        var referralId = await SmsReferralAsync(caller.CaseId);

        await Assert.ThrowsAsync<ReferralDeliveryException>(() =>
            fixture.App.RunAsync<ReferralDeliveryJob>(j => j.RunAsync(referralId, 0)));

        var client = await ConsoleClient.SignedInAsync(fixture.App, HotlineApp.AdminEmail, HotlineApp.AdminPassword);
        var page = await client.GetStringAsync($"/cases/{caller.CaseId}");
        Assert.Contains("Not delivered", page);
        Assert.Contains("Twilio could not be reached", page);
        Assert.Contains("Resend now, or phone the agency", page);
        Assert.DoesNotContain("api.twilio.com", page);
        Assert.DoesNotContain(TwilioApiMock.AccountSid, page);
        Assert.DoesNotContain("Connection Error", page);
    }

    [Fact]
    public async Task SendReferral_FromTheCasePage_DoesNotClaimItWasSent()
    {
        var caller = await ConsoleSeed.QueuedCallerAsync(fixture.App);
        await fixture.App.WithDbAsync(
            db => db.Cases.Where(c => c.Id == caller.CaseId).ExecuteUpdateAsync(u => u.SetProperty(c => c.ConsentToShare, true)));
        var agency = await fixture.App.WithDbAsync(db => db.Agencies.Where(a => a.Active).Select(a => a.Id).FirstAsync());
        var client = await ConsoleClient.SignedInAsync(fixture.App, HotlineApp.AdminEmail, HotlineApp.AdminPassword);

        var response = await ConsoleClient.PostFormAsync(
            client, $"/cases/{caller.CaseId}", $"/cases/{caller.CaseId}/referrals", new() { ["agencyId"] = agency.ToString() });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetStringAsync($"/cases/{caller.CaseId}");
        Assert.DoesNotContain("Referral sent. It is tracked below", page);
        Assert.Contains("Referral recorded. Delivery to the agency is being attempted now", page);
    }

    private async Task<DeliveryResult> SendSmsAsync()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SmsChannel>().SendAsync("+15550104444", "Hotline referral test");
    }

    /// <summary>A pending referral to an agency of its own that is told by SMS only.</summary>
    private async Task<Guid> SmsReferralAsync(Guid caseId)
    {
        var agencyId = Guid.NewGuid();
        var referralId = Guid.NewGuid();
        var now = fixture.App.Clock.GetUtcNow();
        await fixture.App.WithDbAsync(async db =>
        {
            db.Agencies.Add(new Agency
            {
                Id = agencyId, Name = "Text-only Shelter", Type = AgencyType.Shelter, Jurisdictions = ["ZZ"], Languages = ["en"],
                    TimeZone = "UTC", PathwayOrder = 99,
                Channels = [
                    new AgencyChannel
                    { Id = Guid.NewGuid(), AgencyId = agencyId, Channel = NotificationChannel.Sms, Address = "+15550105555" }],
            });
            db.Referrals.Add(new Referral
            {
                Id = referralId, CaseId = caseId, AgencyId = agencyId, Status = ReferralStatus.Pending,
                    ConsentBasis = ConsentBasis.Consented,
                DataLevel = "Minimal", RuleId = "test", Reason = "test", CreatedAt = now, AcknowledgeBy = now.AddHours(4),
            });
            await db.SaveChangesAsync();
        });
        return referralId;
    }
}
