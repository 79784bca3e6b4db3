using Hotline.Core.Cases;
using Hotline.Core.Referrals;
using Hotline.Web.Data;
using Hotline.Web.Jobs;
using Hotline.Web.Referrals;
using Hotline.Web.Tests.Infrastructure;
using Hotline.Web.Tests.Reliability;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Hotline.Web.Tests.Referrals;

/// <summary>
/// Promises the sweep keeps when no Hangfire job ever ran (every hand-off refused): the supervisor's text about an agency
/// that stayed silent is sent again when Twilio refused it, and reported when it never goes; follow-up check-ins are rows
/// the sweep runs.
/// </summary>
public class EscalationAlertRetryTests : IClassFixture<PromiseFixture>
{
    private const string Supervisor = "+15550100999";
    private readonly PromiseFixture _f;

    public EscalationAlertRetryTests(PromiseFixture fixture)
    {
        _f = fixture;
        _f.App.Clock.Set(TestClock.WednesdayAfternoon);
        _f.HandOff.Failing = true; // the sweep alone keeps every promise here
        _f.Twilio.Restore();
    }

    private Task SweepAsync() => _f.RunAsync<PromiseSweepJob>(j => j.RunAsync());

    /// <summary>A mandatory child-protection referral, delivered by the sweep, then left unanswered past its deadline.</summary>
    private async Task<(Case Case, string Silent)> SilentAgencyPastDeadlineAsync(string jurisdiction)
    {
        var silent = $"Silent {jurisdiction} Child Protection";
        var id = Guid.NewGuid();
        await _f.App.WithDbAsync(async db =>
        {
            db.Agencies.Add(new Agency
            {
                Id = id, Name = silent, Type = AgencyType.ChildProtection, Jurisdictions = [jurisdiction], Languages = ["en"],
                TimeZone = "UTC", PathwayOrder = 1,
                Channels = [
                    new AgencyChannel
                    {
                        Id = Guid.NewGuid(), AgencyId = id, Channel = NotificationChannel.Webhook,
                        Address = _f.Agencies.Url + "/silent/" + id.ToString("N"),
                    }],
            });
            await db.SaveChangesAsync();
        });
        var @case = await _f.NewCaseAsync(c => { c.ChildInvolved = true; c.ContactType = ContactType.Tip; c.Jurisdiction = jurisdiction; });
        await _f.RunAsync<CasePathway>(p => p.EvaluateAsync(@case.Id, "system", default));
        _f.App.Clock.Advance(TimeSpan.FromMinutes(3));
        await SweepAsync(); // delivered
        Assert.Equal(ReferralStatus.Delivered, (await _f.ReferralsAsync(@case.Id)).Single(r => r.Agency.Name == silent).Status);
        _f.App.Clock.Advance(TimeSpan.FromMinutes(15)); // past the 15-minute acknowledgement deadline
        return (@case, silent);
    }

    private int EscalationTexts(string silent) => _f.SmsTo(Supervisor).Count(b => b.Contains($"{silent} did not acknowledge"));

    /// <summary>The supervisor alert about the silent agency's referral (the case may have others, to other agency types).</summary>
    private Task<Notification> AlertAsync(Guid caseId, string silent) => _f.App.WithDbAsync(async db =>
    {
        var referral = await db.Referrals.SingleAsync(r => r.CaseId == caseId && r.Agency.Name == silent);
        return await db.Notifications.AsNoTracking().SingleAsync(n => n.Key == $"referral:{referral.Id}:expired:supervisor");
    });

    [Fact]
    public async Task EscalationText_TwilioRefusesThenRecovers_TheSweepSendsItAgain()
    {
        var (@case, silent) = await SilentAgencyPastDeadlineAsync("ZU");
        _f.Twilio.StubError(_f.Twilio.MessagesPath, 500, 20500);

        await SweepAsync(); // expires the referral, escalates, and the text is refused
        Assert.Equal(ReferralStatus.Expired, (await _f.ReferralsAsync(@case.Id)).Single(r => r.Agency.Name == silent).Status);
        Assert.Equal(1, EscalationTexts(silent));
        Assert.Equal(("Failed", 1), ((await AlertAsync(@case.Id, silent)).Status, (await AlertAsync(@case.Id, silent)).Attempts));
        await SweepAsync(); // the same minute: the next try is not due yet
        Assert.Equal(1, EscalationTexts(silent));

        _f.Twilio.Restore(); // Twilio takes sends again (and forgets what it was sent)
        _f.App.Clock.Advance(TimeSpan.FromMinutes(2));
        await SweepAsync();
        await SweepAsync();
        _f.App.Clock.Advance(TimeSpan.FromMinutes(30));
        await SweepAsync();

        Assert.Equal(1, EscalationTexts(silent));
        var alert = await AlertAsync(@case.Id, silent);
        Assert.Equal(("Sent", 2), (alert.Status, alert.Attempts));
        Assert.Contains(_f.SmsTo(Supervisor), b => b.Contains(@case.Reference) && b.Contains($"{silent} did not acknowledge"));
    }

    [Fact]
    public async Task EscalationText_TwilioRefusesForGood_GivenUpAfterTheRetries_AndReported()
    {
        var (@case, silent) = await SilentAgencyPastDeadlineAsync("ZT");
        _f.Twilio.StubError(_f.Twilio.MessagesPath, 500, 20500);
        try
        {
            for (var i = 0; i < 16; i++)
            {
                await SweepAsync();
                _f.App.Clock.Advance(TimeSpan.FromHours(1));
            }

            Assert.Equal(AlertRetry.MaxAttempts, EscalationTexts(silent)); // each retry once, then no more
            var alert = await AlertAsync(@case.Id, silent);
            Assert.Equal(("Failed", AlertRetry.MaxAttempts), (alert.Status, alert.Attempts));
            Assert.Equal(1, await _f.App.WithDbAsync(db => db.AuditEntries.CountAsync(
                a => a.CaseId == @case.Id && a.ReferralId == alert.ReferralId && a.Action == AlertRetry.GaveUpAction)));
            var health = await _f.App.Services.GetRequiredService<HealthCheckService>()
                .CheckHealthAsync(c => c.Name == "supervisor-alerts");
            Assert.Equal(HealthStatus.Degraded, health.Status);
            Assert.Contains("not delivered after every retry", health.Entries["supervisor-alerts"].Description);
        }
        finally
        {
            _f.Twilio.Restore();
        }
    }

    [Fact]
    public async Task TriageText_TwilioRefusesOnce_TheSweepSendsItAgain()
    {
        var @case = await _f.NewCaseAsync(c => { c.ContactType = ContactType.Tip; c.ConsentToShare = null; c.Jurisdiction = "ZS"; });
        await _f.RunAsync<CasePathway>(p => p.EvaluateAsync(@case.Id, "caller", default));
        _f.Twilio.StubError(_f.Twilio.MessagesPath, 500, 20500);
        _f.App.Clock.Advance(TimeSpan.FromHours(25));
        await SweepAsync();
        Assert.True((await _f.App.WithDbAsync(db => db.Cases.SingleAsync(c => c.Id == @case.Id))).TriageOverdue);

        _f.Twilio.Restore();
        _f.App.Clock.Advance(TimeSpan.FromMinutes(2));
        await SweepAsync();
        await SweepAsync();

        Assert.Single(_f.SmsTo(Supervisor), b => b.Contains(@case.Reference) && b.Contains("not triaged"));
    }

    [Fact]
    public async Task FollowUpCheckIn_HandOffLost_IsARow_TheSweepPutsItOnTheBoardInsideTheWindow()
    {
        var agency = await _f.NewWebhookAgencyAsync("/follow-up/" + Guid.NewGuid().ToString("N"));
        // Wednesday 14:00 in Chicago: outside the caller's "morning" window.
        var @case = await _f.NewCaseAsync(
            c => { c.ConsentToShare = true; c.Jurisdiction = "ZZ"; c.CallbackAllowed = true; c.CallbackWindow = "morning"; });
        await _f.RunAsync<ReferralDesk>(d => d.SendAsync(@case.Id, agency.Id, "op-1", "Operator One", default));

        var rows = await _f.App.WithDbAsync(
            db => db.FollowUpCheckIns.Where(f => f.CaseId == @case.Id).OrderBy(f => f.Number).ToListAsync());
        Assert.Equal(new[] { 0, 1, 2 }, rows.Select(r => r.Number));
        Assert.All(rows, r => Assert.Null(r.SettledAt));

        _f.App.Clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromMinutes(5)); // Friday 14:05 in Chicago: due, window closed
        await SweepAsync();
        var moved = await _f.App.WithDbAsync(db => db.FollowUpCheckIns.SingleAsync(f => f.CaseId == @case.Id && f.Number == 0));
        Assert.Null(moved.SettledAt);
        Assert.True(moved.DueAt > _f.App.Clock.GetUtcNow()); // moved to the window's next opening
        Assert.False((await _f.App.WithDbAsync(db => db.Cases.SingleAsync(c => c.Id == @case.Id))).CallbackDue);

        _f.App.Clock.Set(moved.DueAt + TimeSpan.FromMinutes(2));
        await SweepAsync();
        await SweepAsync();

        Assert.True((await _f.App.WithDbAsync(db => db.Cases.SingleAsync(c => c.Id == @case.Id))).CallbackDue);
        Assert.Equal(1, await _f.App.WithDbAsync(db => db.AuditEntries.CountAsync(
            a => a.CaseId == @case.Id && a.Action == "followup.due" && a.Detail!.StartsWith("Check-in 1 "))));
        Assert.NotNull((await _f.App.WithDbAsync(
            db => db.FollowUpCheckIns.SingleAsync(f => f.CaseId == @case.Id && f.Number == 0))).SettledAt);
    }
}
