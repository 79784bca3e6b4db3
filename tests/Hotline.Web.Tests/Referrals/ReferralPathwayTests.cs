using System.Security.Cryptography;
using System.Text;
using Hotline.Core.Cases;
using Hotline.Core.Referrals;
using Hotline.Web.Jobs;
using Hotline.Web.Referrals;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using static Hotline.Web.Tests.Referrals.ReferralFixture;

namespace Hotline.Web.Tests.Referrals;

public class ReferralPathwayTests : IClassFixture<ReferralFixture>
{
    private readonly ReferralFixture _f;

    public ReferralPathwayTests(ReferralFixture fixture)
    {
        _f = fixture;
        _f.App.Clock.Set(TestClock.WednesdayAfternoon);
    }

    [Fact]
    public async Task SeedDirectory_SampleFile_StoresAgenciesWithOrderedChannelsAndHoursThatRoundTrip()
    {
        var file = AgencyDirectoryFile.Load(Path.Combine(RepoRoot(), "flows", "agencies.sample.yaml"));
        // Other tests add agencies of their own (jurisdiction ZZ); the seeded ones are the file's.
        var agencies = await _f.App.WithDbAsync(
            db => db.Agencies.Include(a => a.Channels).Where(a => !a.Jurisdictions.Contains("ZZ")).ToListAsync());
        Assert.Equal(12, file.Count);
        Assert.Equal(file.Select(e => e.Listing.Id).Order(), agencies.Select(a => a.Id).Order());
        var federal = agencies.Single(a => a.Id == FederalPolice);
        Assert.Equal([NotificationChannel.Webhook, NotificationChannel.Sms],
            federal.Channels.OrderBy(c => c.Position).Select(c => c.Channel));
        var housing = agencies.Single(a => a.Name == "Bay Area Survivor Housing");
        Assert.Equal("Mon,Tue,Wed,Thu,Fri 08:00-20:00", housing.Hours);
        var fromFile = file.Single(e => e.Listing.Id == housing.Id).Listing.Hours!;
        Assert.Equal(fromFile.Windows.OrderBy(w => w.Day), housing.ToListing().Hours!.Windows.OrderBy(w => w.Day));
        Assert.Null(federal.ToListing().Hours); // 24/7
    }

    [Fact]
    public async Task EvaluateAsync_ChildCaseWithoutConsent_CreatesMandatoryReferralsAndAuditsWhy()
    {
        var @case = await _f.NewCaseAsync(c => { c.ChildInvolved = true; c.ConsentToShare = null; c.ContactType = ContactType.Tip; });

        await _f.RunAsync<CasePathway>(p => p.EvaluateAsync(@case.Id, "caller", default));
        await _f.RunAsync<CasePathway>(p => p.EvaluateAsync(@case.Id, "operator-1", default)); // idempotent

        var referrals = await _f.ReferralsAsync(@case.Id);
        Assert.Equal(2, referrals.Count);
        Assert.Contains(referrals, r => r.AgencyId == TexasChildProtection);
        Assert.Contains(referrals, r => r.AgencyId == TexasPolice);
        Assert.All(
            referrals,
            r =>
            { Assert.True(r.Mandatory); Assert.Equal(ConsentBasis.MandatoryNoConsentNeeded, r.ConsentBasis); Assert.Equal(
                "Full", r.DataLevel); });
        var audits = await _f.App.WithDbAsync(
            db => db.AuditEntries.Where(a => a.CaseId == @case.Id && a.Action == "referral.mandatory").ToListAsync());
        Assert.Equal(2, audits.Count);
        Assert.All(audits, a => { Assert.Contains("Child involved", a.Detail); Assert.Contains("consent not required", a.Detail); });
        var stored = await _f.App.WithDbAsync(db => db.Cases.SingleAsync(c => c.Id == @case.Id));
        Assert.Equal(Urgency.High, stored.Urgency);
        Assert.Equal(TestClock.WednesdayAfternoon.AddHours(1), stored.TriageDueAt);
    }

    [Fact]
    public async Task EvaluateAsync_ImminentDanger_AlertsSupervisorOncePerCase()
    {
        var @case = await _f.NewCaseAsync(c => { c.ImminentDanger = true; c.ContactType = ContactType.Crisis; });

        await _f.RunAsync<CasePathway>(p => p.EvaluateAsync(@case.Id, "caller", default));
        await _f.RunAsync<CasePathway>(p => p.EvaluateAsync(@case.Id, "caller", default));
        await _f.RunAsync<SupervisorAlertJob>(j => j.RunAsync(@case.Id, SupervisorAlertJob.Crisis));
        await _f.RunAsync<SupervisorAlertJob>(j => j.RunAsync(@case.Id, SupervisorAlertJob.Crisis));

        Assert.Single(_f.SmsTo("+15550100999"), body => body.Contains(@case.Reference) && body.Contains("CRISIS"));
        Assert.Equal(
            1,
            await _f.App.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.CaseId == @case.Id && a.Action == "supervisor.alert.crisis")));
        var referral = Assert.Single(await _f.ReferralsAsync(@case.Id));
        Assert.Equal(AgencyType.Police, referral.Agency.Type);
    }

    [Fact]
    public async Task Deliver_AdultWithoutConsent_SendsNothingIdentifying()
    {
        var @case = await _f.NewCaseAsync(
            c => { c.ConsentToShare = false; c.ChildInvolved = false; c.ImminentDanger = false; c.ContactType = ContactType.Tip; });
        var referral = await SendAsync(@case.Id, FederalPolice);
        Assert.Equal(ConsentBasis.AnonymousOnly, referral.ConsentBasis);

        await _f.RunAsync<ReferralDeliveryJob>(j => j.RunAsync(referral.Id, 0));

        var body = Assert.Single(_f.Received($"/agency/{FederalPolice}"),
            e => e.RequestMessage!.Body!.Contains(@case.Reference)).RequestMessage!.Body!;
        Assert.Contains("\"dataLevel\":\"Anonymous\"", body);
        Assert.DoesNotContain("5559876", body);
        Assert.DoesNotContain("Maria", body);
        Assert.DoesNotContain("Lopez", body);
        Assert.DoesNotContain("restaurant", body);
        Assert.DoesNotContain("9pm", body);
    }

    [Fact]
    public async Task SendAsync_AdultWithoutConsentToShelter_IsRefusedWithReason()
    {
        var @case = await _f.NewCaseAsync(c => { c.ConsentToShare = false; c.Needs = ["shelter"]; });
        var shelter = await _f.App.WithDbAsync(db => db.Agencies.FirstAsync(a => a.Name == "Safe Harbor Shelter Austin"));

        var refused = await Assert.ThrowsAsync<ReferralRefusedException>(() => SendAsync(@case.Id, shelter.Id));

        Assert.Contains("consent", refused.Message);
        Assert.Empty(await _f.ReferralsAsync(@case.Id));
    }

    [Fact]
    public async Task Deliver_Webhook_CarriesSignatureTheDocumentedVerifierAccepts()
    {
        var @case = await _f.NewCaseAsync(c => { c.ConsentToShare = true; c.ContactType = ContactType.Tip; });
        var referral = await SendAsync(@case.Id, FederalPolice);

        await _f.RunAsync<ReferralDeliveryJob>(j => j.RunAsync(referral.Id, 0));

        var request =
            Assert.Single(_f.Received($"/agency/{FederalPolice}"), e => e.RequestMessage!.Body!.Contains(@case.Reference)).RequestMessage!;
        var timestamp = request.Headers!["X-Hotline-Timestamp"].Single();
        var signature = request.Headers!["X-Hotline-Signature"].Single();
        Assert.True(Verify(HotlineApp.AgencyWebhookSecret, timestamp, signature, request.Body!, _f.App.Clock.GetUtcNow()));
        Assert.False(Verify(
            HotlineApp.AgencyWebhookSecret, timestamp, signature, request.Body!.Replace(@case.Reference, "HL-26-FORGED"),
            _f.App.Clock.GetUtcNow()));
        Assert.False(Verify(HotlineApp.AgencyWebhookSecret, timestamp, signature, request.Body!, _f.App.Clock.GetUtcNow().AddMinutes(6)));
        Assert.Equal(ReferralStatus.Delivered, (await _f.ReferralsAsync(@case.Id)).Single().Status);
    }

    [Fact]
    public async Task Deliver_AgencyAnswers500_FailsThenRetrySucceeds()
    {
        var agency = await _f.NewWebhookAgencyAsync("/flaky/" + Guid.NewGuid().ToString("N"));
        var path = new Uri(agency.Channels[0].Address).AbsolutePath;
        _f.Agencies.Given(Request.Create().WithPath(path).UsingPost()).InScenario(path).WillSetStateTo("failed once")
            .RespondWith(Response.Create().WithStatusCode(500));
        _f.Agencies.Given(Request.Create().WithPath(path).UsingPost()).InScenario(path).WhenStateIs("failed once")
            .RespondWith(Response.Create().WithStatusCode(200));
        var @case = await _f.NewCaseAsync(c => { c.ConsentToShare = true; c.Jurisdiction = "ZZ"; });
        var referral = await SendAsync(@case.Id, agency.Id);

        await Assert.ThrowsAsync<ReferralDeliveryException>(() => _f.RunAsync<ReferralDeliveryJob>(j => j.RunAsync(referral.Id, 0)));
        var failed = (await _f.ReferralsAsync(@case.Id)).Single();
        Assert.Equal(ReferralStatus.Failed, failed.Status);
        Assert.Contains("500", failed.LastError);

        await _f.RunAsync<ReferralDeliveryJob>(j => j.RunAsync(referral.Id, 0));

        var delivered = (await _f.ReferralsAsync(@case.Id)).Single();
        Assert.Equal(ReferralStatus.Delivered, delivered.Status);
        Assert.NotNull(delivered.FailedAt);
        Assert.NotNull(delivered.SentAt);
        Assert.Equal(2, _f.Received(path).Count);
        var notification = await _f.App.WithDbAsync(db => db.Notifications.SingleAsync(n => n.ReferralId == referral.Id));
        Assert.Equal(("Sent", 2), (notification.Status, notification.Attempts));
    }

    [Fact]
    public async Task Deliver_JobRunsTwice_NotifiesOnce()
    {
        var agency = await _f.NewWebhookAgencyAsync("/once/" + Guid.NewGuid().ToString("N"));
        var @case = await _f.NewCaseAsync(c => { c.ConsentToShare = true; c.Jurisdiction = "ZZ"; });
        var referral = await SendAsync(@case.Id, agency.Id);

        await _f.RunAsync<ReferralDeliveryJob>(j => j.RunAsync(referral.Id, 0));
        await _f.RunAsync<ReferralDeliveryJob>(j => j.RunAsync(referral.Id, 0));

        Assert.Single(_f.Received(new Uri(agency.Channels[0].Address).AbsolutePath));
        Assert.Equal(1, await _f.App.WithDbAsync(db => db.Notifications.CountAsync(n => n.Key == $"referral:{referral.Id}:deliver")));
    }

    [Fact]
    public async Task DeadlineJob_MissedAcknowledgement_EscalatesToNextAgencyAndAlertsSupervisor()
    {
        var @case = await _f.NewCaseAsync(c => { c.ChildInvolved = true; c.ContactType = ContactType.Tip; });
        await _f.RunAsync<CasePathway>(p => p.EvaluateAsync(@case.Id, "caller", default));
        var first = (await _f.ReferralsAsync(@case.Id)).Single(r => r.AgencyId == TexasChildProtection);
        await _f.RunAsync<ReferralDeliveryJob>(j => j.RunAsync(first.Id, 0));

        _f.App.Clock.Advance(TimeSpan.FromMinutes(16));
        await _f.RunAsync<ReferralDeadlineJob>(j => j.RunAsync(first.Id));
        await _f.RunAsync<ReferralDeadlineJob>(j => j.RunAsync(first.Id)); // at-least-once: changes nothing

        var referrals = await _f.ReferralsAsync(@case.Id);
        var expired = referrals.Single(r => r.Id == first.Id);
        Assert.Equal(ReferralStatus.Expired, expired.Status);
        Assert.NotNull(expired.ExpiredAt);
        var next = Assert.Single(referrals, r => r.EscalatedFromId == first.Id);
        Assert.Equal(NationalChildProtection, next.AgencyId);
        Assert.True(next.Mandatory);
        Assert.Single(_f.SmsTo("+15550100999"), b => b.Contains(@case.Reference)
            && b.Contains("Escalated to National Child Protection Line"));
    }

    [Fact]
    public async Task DeadlineJob_AlertFailsThenRetried_StillNamesTheAgencyEscalatedTo()
    {
        var @case = await _f.NewCaseAsync(c => { c.ChildInvolved = true; c.ContactType = ContactType.Tip; });
        await _f.RunAsync<CasePathway>(p => p.EvaluateAsync(@case.Id, "caller", default));
        var first = (await _f.ReferralsAsync(@case.Id)).Single(r => r.AgencyId == TexasChildProtection);
        await _f.RunAsync<ReferralDeliveryJob>(j => j.RunAsync(first.Id, 0));
        _f.App.Clock.Advance(TimeSpan.FromMinutes(16));

        _f.Twilio.Server.Reset(); // Twilio refuses the supervisor's SMS: the job fails after escalating
        _f.Twilio.Server.Given(WireMock.RequestBuilders.Request.Create().UsingPost())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(500));
        try
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => _f.RunAsync<ReferralDeadlineJob>(j => j.RunAsync(first.Id)));
        }
        finally
        {
            _f.Twilio.Server.Reset();
            _f.Twilio.StubSuccess();
        }
        await _f.RunAsync<ReferralDeadlineJob>(j => j.RunAsync(first.Id)); // Hangfire's retry

        Assert.Single(await _f.ReferralsAsync(@case.Id), r => r.EscalatedFromId == first.Id);
        Assert.Single(_f.SmsTo("+15550100999"), b => b.Contains(@case.Reference)
            && b.Contains("Escalated to National Child Protection Line"));
    }

    [Fact]
    public async Task DeadlineJob_AcknowledgedInTime_DoesNothing()
    {
        var @case = await _f.NewCaseAsync(c => { c.ChildInvolved = true; c.ContactType = ContactType.Tip; });
        await _f.RunAsync<CasePathway>(p => p.EvaluateAsync(@case.Id, "caller", default));
        var first = (await _f.ReferralsAsync(@case.Id)).Single(r => r.AgencyId == TexasChildProtection);
        await _f.RunAsync<ReferralDeliveryJob>(j => j.RunAsync(first.Id, 0));
        await _f.RunAsync<AgencyReferralActions>(a => a.AnswerAsync(_f.TokenFor(first.Id), ReferralTrigger.Acknowledge, null, default));

        _f.App.Clock.Advance(TimeSpan.FromMinutes(16));
        await _f.RunAsync<ReferralDeadlineJob>(j => j.RunAsync(first.Id));

        Assert.Equal(2, (await _f.ReferralsAsync(@case.Id)).Count);
        Assert.Equal(ReferralStatus.Acknowledged, (await _f.ReferralsAsync(@case.Id)).Single(r => r.Id == first.Id).Status);
        Assert.DoesNotContain(_f.SmsTo("+15550100999"), b => b.Contains(@case.Reference));
    }

    [Fact]
    public async Task TriageDeadlineJob_CaseNotTriaged_RaisesUrgencyAndAlertsOnce()
    {
        var @case = await _f.NewCaseAsync(c => { c.ContactType = ContactType.Tip; c.ConsentToShare = null; });
        await _f.RunAsync<CasePathway>(p => p.EvaluateAsync(@case.Id, "caller", default));

        _f.App.Clock.Advance(TimeSpan.FromHours(25));
        await _f.RunAsync<TriageDeadlineJob>(j => j.RunAsync(@case.Id));
        await _f.RunAsync<TriageDeadlineJob>(j => j.RunAsync(@case.Id));

        var stored = await _f.App.WithDbAsync(db => db.Cases.SingleAsync(c => c.Id == @case.Id));
        Assert.True(stored.TriageOverdue);
        Assert.Equal(Urgency.High, stored.Urgency); // Normal, one step up
        Assert.Single(_f.SmsTo("+15550100999"), b => b.Contains(@case.Reference) && b.Contains("not triaged"));
    }

    [Fact]
    public async Task FollowUpCheckIn_OutsideSafeWindow_WaitsUntilWindowThenRaisesOnce()
    {
        // The clock starts at 14:00 in Chicago: outside the caller's "morning" window.
        var @case = await _f.NewCaseAsync(c => { c.CallbackAllowed = true; c.CallbackWindow = "morning"; });

        await _f.RunAsync<FollowUpCheckInJob>(j => j.RunAsync(@case.Id, 0));
        Assert.False((await _f.App.WithDbAsync(db => db.Cases.SingleAsync(c => c.Id == @case.Id))).CallbackDue);

        _f.App.Clock.Set(new DateTimeOffset(2026, 11, 26, 15, 0, 0, TimeSpan.Zero)); // 09:00 in Chicago
        await _f.RunAsync<FollowUpCheckInJob>(j => j.RunAsync(@case.Id, 0));
        await _f.RunAsync<FollowUpCheckInJob>(j => j.RunAsync(@case.Id, 0));

        Assert.True((await _f.App.WithDbAsync(db => db.Cases.SingleAsync(c => c.Id == @case.Id))).CallbackDue);
        Assert.Equal(
            1, await _f.App.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.CaseId == @case.Id && a.Action == "followup.due")));
    }

    [Fact]
    public async Task SuggestAsync_ChildCaseAfterEvaluation_ListsMandatoryAgenciesMarkedAlreadyReferred()
    {
        var @case = await _f.NewCaseAsync(c => { c.ChildInvolved = true; c.ContactType = ContactType.Tip; });
        await _f.RunAsync<CasePathway>(p => p.EvaluateAsync(@case.Id, "caller", default));
        IReadOnlyList<ReferralSuggestion> suggestions = [];

        await _f.RunAsync<ReferralDesk>(async d => suggestions = await d.SuggestAsync(@case.Id, default));

        var texasCps = Assert.Single(suggestions, s => s.AgencyId == TexasChildProtection);
        Assert.True(texasCps.Mandatory && texasCps.AlreadyReferred && texasCps.OpenNow);
        Assert.Equal((ConsentBasis.MandatoryNoConsentNeeded, "Full"), (texasCps.ConsentBasis, texasCps.DataLevel));
        var national = Assert.Single(suggestions, s => s.AgencyId == NationalChildProtection);
        Assert.False(national.AlreadyReferred);
        Assert.DoesNotContain(suggestions, s => s.Type == AgencyType.Shelter);
    }

    [Fact]
    public async Task ResendAsync_DeliveredReferral_SendsOneMoreNotification()
    {
        var agency = await _f.NewWebhookAgencyAsync("/resend/" + Guid.NewGuid().ToString("N"));
        var @case = await _f.NewCaseAsync(c => { c.ConsentToShare = true; c.Jurisdiction = "ZZ"; });
        var referral = await SendAsync(@case.Id, agency.Id);
        await _f.RunAsync<ReferralDeliveryJob>(j => j.RunAsync(referral.Id, 0));

        await _f.RunAsync<ReferralDesk>(d => d.ResendAsync(referral.Id, "op-1", "Operator One", default));
        await _f.RunAsync<ReferralDeliveryJob>(j => j.RunAsync(referral.Id, 1));
        await _f.RunAsync<ReferralDeliveryJob>(j => j.RunAsync(referral.Id, 1));

        Assert.Equal(2, _f.Received(new Uri(agency.Channels[0].Address).AbsolutePath).Count);
        Assert.Equal(1, (await _f.ReferralsAsync(@case.Id)).Single().ResendCount);
    }

    private async Task<Hotline.Web.Data.Referral> SendAsync(Guid caseId, Guid agencyId)
    {
        Hotline.Web.Data.Referral? referral = null;
        await _f.RunAsync<ReferralDesk>(async d => referral = await d.SendAsync(caseId, agencyId, "op-1", "Operator One", default));
        return referral!;
    }

    /// <summary>The receiver side, written from docs/agency-webhooks.md.</summary>
    private static bool Verify(byte[] secret, string timestamp, string signature, string body, DateTimeOffset now)
    {
        if (!long.TryParse(timestamp, out var seconds) || Math.Abs(now.ToUnixTimeSeconds() - seconds) > 300) return false;
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(timestamp + "." + body)));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature));
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!Directory.Exists(Path.Combine(dir.FullName, "flows"))) dir = dir.Parent!;
        return dir.FullName;
    }
}
