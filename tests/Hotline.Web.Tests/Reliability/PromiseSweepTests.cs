using Hotline.Core.Cases;
using Hotline.Core.Referrals;
using Hotline.Web.Data;
using Hotline.Web.Jobs;
using Hotline.Web.Referrals;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Tests.Reliability;

public class PromiseSweepTests : IClassFixture<PromiseFixture>
{
    private const string Supervisor = "+15550100999";
    private readonly PromiseFixture _f;

    public PromiseSweepTests(PromiseFixture fixture)
    {
        _f = fixture;
        _f.App.Clock.Set(TestClock.WednesdayAfternoon);
        _f.HandOff.Failing = false;
        _f.Crash.Armed = false;
    }

    /// <summary>A child-protection agency of its own jurisdiction, so only this test's cases reach it first.</summary>
    private async Task<Agency> ChildProtectionAsync(string name, int order, string jurisdiction, string path)
    {
        var id = Guid.NewGuid();
        var agency = new Agency
        {
            Id = id, Name = name, Type = AgencyType.ChildProtection, Jurisdictions = [jurisdiction], Languages = ["en"], TimeZone = "UTC",
                PathwayOrder = order,
            Channels = [
                new AgencyChannel
                { Id = Guid.NewGuid(), AgencyId = id, Channel = NotificationChannel.Webhook, Address = _f.Agencies.Url + path }],
        };
        await _f.App.WithDbAsync(async db => { db.Agencies.Add(agency); await db.SaveChangesAsync(); });
        return agency;
    }

    /// <summary>Two nodes' sweeps at the same moment.</summary>
    private Task TwoSweepsAsync() => Task.WhenAll(
        Task.Run(() => _f.RunAsync<PromiseSweepJob>(j => j.RunAsync())),
        Task.Run(() => _f.RunAsync<PromiseSweepJob>(j => j.RunAsync())));

    [Fact]
    public async Task PromiseSweep_JobHandOffFailsAfterCommit_DeliversAndEscalatesExactlyOnce()
    {
        var quietPath = "/quiet/" + Guid.NewGuid().ToString("N");
        var nextPath = "/next/" + Guid.NewGuid().ToString("N");
        var quiet = await ChildProtectionAsync("Quiet County Child Protection", 1, "ZW", quietPath);
        var next = await ChildProtectionAsync("Next County Child Protection", 2, "ZW", nextPath);
        var @case = await _f.NewCaseAsync(c => { c.ChildInvolved = true; c.ContactType = ContactType.Tip; c.Jurisdiction = "ZW"; });

        _f.HandOff.Failing = true; // the referral is committed, then no job ever reaches Hangfire
        try
        {
            await _f.RunAsync<CasePathway>(p => p.EvaluateAsync(@case.Id, "system", default));
            // Run again (a retried intake job, a reclassification): it finds the agency type already told.
            await _f.RunAsync<CasePathway>(p => p.EvaluateAsync(@case.Id, "system", default));
        }
        finally
        {
            _f.HandOff.Failing = false;
        }
        var referral = Assert.Single(await _f.ReferralsAsync(@case.Id), r => r.AgencyId == quiet.Id);
        Assert.Equal(ReferralStatus.Pending, referral.Status);

        _f.App.Clock.Advance(TimeSpan.FromMinutes(3)); // the fast path had its chance
        await TwoSweepsAsync();
        await TwoSweepsAsync();

        Assert.Single(_f.Received(quietPath));
        Assert.Equal(ReferralStatus.Delivered, (await _f.ReferralAsync(referral.Id)).Status);

        _f.App.Clock.Advance(TimeSpan.FromMinutes(15)); // past the 15-minute acknowledgement deadline, nobody answered
        await TwoSweepsAsync();
        _f.App.Clock.Advance(TimeSpan.FromMinutes(3)); // the escalation's own hand-off worked, but the sweep is there too
        await TwoSweepsAsync();
        await TwoSweepsAsync();

        var referrals = await _f.ReferralsAsync(@case.Id);
        Assert.Equal(ReferralStatus.Expired, referrals.Single(r => r.Id == referral.Id).Status);
        var escalated = Assert.Single(referrals, r => r.EscalatedFromId == referral.Id);
        Assert.Equal(next.Id, escalated.AgencyId);
        Assert.Equal(ReferralStatus.Delivered, escalated.Status);
        Assert.Single(_f.Received(quietPath));
        Assert.Single(_f.Received(nextPath));
        Assert.Single(_f.SmsTo(Supervisor), b => b.Contains(@case.Reference) && b.Contains("Escalated to Next County Child Protection"));
    }

    [Fact]
    public async Task PromiseSweep_CrisisAlertHandOffLost_AlertsTheSupervisorOnce()
    {
        var @case = await _f.NewCaseAsync(c => { c.ImminentDanger = true; c.ContactType = ContactType.Crisis; c.Jurisdiction = "ZV"; });
        _f.HandOff.Failing = true;
        try
        {
            await _f.RunAsync<CasePathway>(p => p.EvaluateAsync(@case.Id, "system", default));
        }
        finally
        {
            _f.HandOff.Failing = false;
        }
        Assert.DoesNotContain(_f.SmsTo(Supervisor), b => b.Contains(@case.Reference));

        _f.App.Clock.Advance(TimeSpan.FromMinutes(2));
        await TwoSweepsAsync();
        await TwoSweepsAsync();

        Assert.Single(_f.SmsTo(Supervisor), b => b.Contains(@case.Reference) && b.Contains("CRISIS"));
    }

    [Fact]
    public async Task PromiseSweep_ResendHandOffLost_DeliversTheResendOnce()
    {
        var agency = await _f.NewWebhookAgencyAsync("/resend-lost/" + Guid.NewGuid().ToString("N"));
        var path = new Uri(agency.Channels[0].Address).AbsolutePath;
        var @case = await _f.NewCaseAsync(c => { c.ConsentToShare = true; c.Jurisdiction = "ZZ"; });
        Referral? referral = null;
        await _f.RunAsync<ReferralDesk>(async d => referral = await d.SendAsync(@case.Id, agency.Id, "op-1", "Operator One", default));
        await _f.RunAsync<ReferralDeliveryJob>(j => j.RunAsync(referral!.Id, 0));

        _f.HandOff.Failing = true;
        try
        {
            await _f.RunAsync<ReferralDesk>(d => d.ResendAsync(referral!.Id, "op-1", "Operator One", default));
        }
        finally
        {
            _f.HandOff.Failing = false;
        }
        _f.App.Clock.Advance(TimeSpan.FromMinutes(3));
        await TwoSweepsAsync();
        await TwoSweepsAsync();

        Assert.Equal(2, _f.Received(path).Count); // the first send and the resend, each once
        Assert.Equal(1, (await _f.ReferralAsync(referral!.Id)).DeliveredRound);
    }

    [Fact]
    public async Task SendOnceAsync_CrashBetweenSendingAndMarkingSent_RetrySendsAgainWithTheSameDeliveryId()
    {
        var agency = await _f.NewWebhookAgencyAsync("/crash/" + Guid.NewGuid().ToString("N"));
        var path = new Uri(agency.Channels[0].Address).AbsolutePath;
        var @case = await _f.NewCaseAsync(c => { c.ConsentToShare = true; c.Jurisdiction = "ZZ"; });
        Referral? referral = null;
        await _f.RunAsync<ReferralDesk>(async d => referral = await d.SendAsync(@case.Id, agency.Id, "op-1", "Operator One", default));

        _f.Crash.Armed = true;
        await Assert.ThrowsAsync<SimulatedCrashException>(() => _f.RunAsync<ReferralDeliveryJob>(j => j.RunAsync(referral!.Id, 0)));
        await _f.RunAsync<ReferralDeliveryJob>(j => j.RunAsync(referral!.Id, 0)); // Hangfire's retry
        await _f.RunAsync<ReferralDeliveryJob>(j => j.RunAsync(referral!.Id, 0)); // recorded now: sends nothing

        var received = _f.Received(path);
        Assert.Equal(2, received.Count); // at-least-once: the agency got it twice...
        var ids = received.Select(e => e.RequestMessage!.Headers![WebhookSignature.DeliveryIdHeader].Single()).ToList();
        Assert.Equal(ids[0], ids[1]); // ...with one delivery id to drop the repeat on
        var notification = await _f.App.WithDbAsync(db => db.Notifications.SingleAsync(n => n.ReferralId == referral!.Id));
        Assert.Equal(("Sent", notification.Id.ToString()), (notification.Status, ids[0]));
        Assert.Equal(ReferralStatus.Delivered, (await _f.ReferralAsync(referral!.Id)).Status);
    }

    [Fact]
    public void MessageIdFor_DeliveryId_IsStableAndCarriesTheSendersDomain()
    {
        var id = Guid.NewGuid();
        Assert.Equal($"{id}@hotline.example.org", EmailChannel.MessageIdFor(id, "hotline.example.org"));
        Assert.Equal(EmailChannel.MessageIdFor(id, "hotline.example.org"), EmailChannel.MessageIdFor(id, "hotline.example.org"));
    }
}
