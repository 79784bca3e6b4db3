using System.Net;
using Hotline.Core.Cases;
using Hotline.Core.Referrals;
using Hotline.Web.Data;
using Hotline.Web.Jobs;
using Hotline.Web.Operators;
using Hotline.Web.Referrals;
using Hotline.Web.Tests.Console;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Hotline.Web.Tests.Referrals.ReferralFixture;

namespace Hotline.Web.Tests.Referrals;

/// <summary>The walkthrough's dead end: a child's mandatory referrals expire, no agency is left on the ladder, and then?</summary>
public class UnresolvedReferralTests : IClassFixture<ReferralFixture>
{
    private const string Supervisor = "+15550100999";
    private readonly ReferralFixture _f;

    public UnresolvedReferralTests(ReferralFixture fixture)
    {
        _f = fixture;
        _f.App.Clock.Set(TestClock.WednesdayAfternoon);
    }

    private Task SweepAsync() => _f.RunAsync<PromiseSweepJob>(j => j.RunAsync());

    /// <summary>
    /// A child case in Texas; nobody ever acknowledges: Texas child protection expires, the national line is
    /// referred and expires too, and the ladder is exhausted. Returns the case and the national line's dead end.
    /// </summary>
    private async Task<(Case Case, Referral DeadEnd)> ExhaustTheLadderAsync()
    {
        var @case = await _f.NewCaseAsync(c => { c.ChildInvolved = true; c.ContactType = ContactType.Crisis; });
        await _f.RunAsync<CasePathway>(p => p.EvaluateAsync(@case.Id, "caller", default));
        _f.App.Clock.Advance(TimeSpan.FromMinutes(16));
        await SweepAsync(); // delivered, unanswered past the deadline, escalated to the national line
        _f.App.Clock.Advance(TimeSpan.FromMinutes(16));
        await SweepAsync(); // the national line too: ladder exhausted
        var deadEnd = Assert.Single(await _f.ReferralsAsync(@case.Id), r => r.AgencyId == NationalChildProtection);
        Assert.Equal(ReferralStatus.Expired, deadEnd.Status);
        Assert.Equal(
            1,
            await _f.App.WithDbAsync(
            db => db.AuditEntries.CountAsync(a => a.ReferralId == deadEnd.Id && a.Action == "referral.ladder-exhausted")));
        return (@case, deadEnd);
    }

    private async Task<BoardView> BoardAsync()
    {
        BoardView? board = null;
        await _f.RunAsync<LiveBoard>(async b => board = await b.ReadAsync(default));
        return board!;
    }

    private IReadOnlyList<string> RemindersAbout(Case @case) =>
        _f.SmsTo(Supervisor)
            .Where(b => b.Contains(@case.Reference) && b.Contains("still not acknowledged") && b.Contains("National Child Protection Line"))
            .ToList();

    [Fact]
    public async Task LiveBoard_MandatoryReferralLadderExhausted_StaysOnTheBoardUntilSomeoneActs()
    {
        var (@case, _) = await ExhaustTheLadderAsync();
        _f.App.Clock.Advance(TimeSpan.FromDays(1));

        var board = await BoardAsync();
        Assert.Contains(board.UnresolvedReferrals, r => r.CaseId == @case.Id && r.Agency == "National Child Protection Line");
        var client = await ConsoleClient.SignedInAsync(_f.App, HotlineApp.AdminEmail, HotlineApp.AdminPassword);
        var live = await client.GetStringAsync("/board/live");
        Assert.Contains("Mandatory referrals nobody acknowledged", live);
        Assert.Contains(@case.Reference, live);
        var casePage = await client.GetStringAsync($"/cases/{@case.Id}");
        Assert.Contains("Nobody acknowledged the mandatory child protection referral to National Child Protection Line", casePage);
    }

    [Fact]
    public async Task PromiseSweep_UnresolvedMandatoryReferral_RepeatsTheSupervisorAlertEachInterval()
    {
        var (@case, _) = await ExhaustTheLadderAsync();

        _f.App.Clock.Advance(TimeSpan.FromMinutes(10));
        await SweepAsync();
        Assert.Empty(RemindersAbout(@case)); // the deadline job's "no agency left" alert covers the first half hour

        _f.App.Clock.Advance(TimeSpan.FromMinutes(21));
        await SweepAsync();
        await SweepAsync();
        Assert.Single(RemindersAbout(@case));

        _f.App.Clock.Advance(TimeSpan.FromMinutes(30));
        await SweepAsync();
        Assert.Equal(2, RemindersAbout(@case).Count);
    }

    [Fact]
    public async Task FollowUp_HandedOverByPhone_IsAuditedClearsTheBoardAndStopsTheAlerts()
    {
        var (@case, deadEnd) = await ExhaustTheLadderAsync();
        var client = await ConsoleClient.SignedInAsync(_f.App, HotlineApp.AdminEmail, HotlineApp.AdminPassword);

        var response = await ConsoleClient.PostFormAsync(
            client, $"/cases/{@case.Id}", $"/cases/{@case.Id}/referrals/{deadEnd.Id}/follow-up",
            new() { ["done"] = "HandedOverByPhone", ["note"] = "Duty officer took the case over on the phone" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await _f.ReferralAsync(deadEnd.Id);
        Assert.Equal((nameof(ReferralFollowUp.HandedOverByPhone), HotlineApp.AdminEmail), (stored.FollowUp, stored.FollowedUpBy));
        var audit = await _f.App.WithDbAsync(
            db => db.AuditEntries.SingleAsync(a => a.ReferralId == deadEnd.Id && a.Action == "referral.followed-up"));
        Assert.Contains("by phone", audit.Detail);
        Assert.DoesNotContain(audit.Detail!, "Duty officer"); // the note is in the (encrypted) case notes, not the audit log
        Assert.Contains(await _f.App.WithDbAsync(db => db.CaseNotes.Where(n => n.CaseId == @case.Id).Select(n => n.Body).ToListAsync()),
            b => b.Contains("Duty officer took the case over"));
        Assert.DoesNotContain((await BoardAsync()).UnresolvedReferrals, r => r.CaseId == @case.Id
            && r.Agency == "National Child Protection Line");

        _f.App.Clock.Advance(TimeSpan.FromHours(2));
        await SweepAsync();
        Assert.Empty(RemindersAbout(@case));
    }

    [Fact]
    public async Task FollowUp_Resend_CreatesANewReferralTheSweepDelivers()
    {
        var (@case, deadEnd) = await ExhaustTheLadderAsync();
        await _f.RunAsync<UnresolvedReferralDesk>(
            d => d.RecordAsync(@case.Id, deadEnd.Id, ReferralFollowUp.Resend, null, null, "sup-1", "Supervisor One", default));
        _f.App.Clock.Advance(TimeSpan.FromMinutes(3));
        await SweepAsync();

        var again = Assert.Single(await _f.ReferralsAsync(@case.Id), r => r.EscalatedFromId == deadEnd.Id);
        // The national line takes referrals by e-mail (not configured here), then SMS: sent, not yet confirmed.
        Assert.Equal((NationalChildProtection, ReferralStatus.Sent, 0, true),
            (again.AgencyId, again.Status, again.DeliveredRound, again.Mandatory));
        Assert.DoesNotContain((await BoardAsync()).UnresolvedReferrals, r => r.CaseId == @case.Id
            && r.Agency == "National Child Protection Line");
        await Assert.ThrowsAsync<ReferralRefusedException>(() => _f.RunAsync<UnresolvedReferralDesk>(
            d =>
                d.RecordAsync(
                @case.Id, deadEnd.Id, ReferralFollowUp.HandedOverByPhone, null, "twice", "sup-1", "Supervisor One", default)));
    }
}
