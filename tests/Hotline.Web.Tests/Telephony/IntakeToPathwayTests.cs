using Hotline.Core.Referrals;
using Hotline.Web.Jobs;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Tests.Telephony;

public class IntakeToPathwayTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task ChildCall_WhenIntakeEnds_PathwayCreatesMandatoryReferralsWithoutConsent()
    {
        var twilio = new TwilioWebhooks(fixture.App.CreateClient());
        var sid = TwilioWebhooks.NewCallSid();
        var twiml = await twilio.IncomingAsync(sid);
        // English, safe, no immediate danger, a child is involved, report, no callback -> queued.
        foreach (var key in new[] { "1", "1", "2", "1", "1", "2" }) twiml = await twilio.PressAsync(sid, twiml, key);
        Assert.Equal("national-advocates", twiml.Enqueued);
        var caseId = await fixture.App.WithDbAsync(db => db.Contacts.Where(c => c.ExternalId == sid).Select(c => c.CaseId).SingleAsync());

        // The webhook enqueued the pathway as a job; this host runs no job server, so run it as Hangfire would.
        var enqueued = await TestPostgres.CountEventuallyAsync(fixture.ConnectionString,
            $"SELECT count(*) FROM hangfire.job WHERE invocationdata::text LIKE '%IntakeEndedJob%' AND arguments::text LIKE '%{caseId}%'",
                1);
        Assert.Equal(1L, enqueued);
        await fixture.App.RunAsync<IntakeEndedJob>(job => job.RunAsync(caseId, CancellationToken.None));

        var referrals = await fixture.App.WithDbAsync(
            db => db.Referrals.Include(r => r.Agency).Where(r => r.CaseId == caseId).ToListAsync());
        Assert.Contains(
            referrals, r => r.Agency.Type == AgencyType.ChildProtection && r.Mandatory
            && r.ConsentBasis == ConsentBasis.MandatoryNoConsentNeeded);
        Assert.Contains(referrals, r => r.Agency.Type == AgencyType.Police && r.Mandatory);
        var audited = await fixture.App.WithDbAsync(
            db => db.AuditEntries.Where(a => a.CaseId == caseId && a.Action == "referral.mandatory").Select(a => a.Detail).ToListAsync());
        Assert.Contains(audited, d => d!.Contains("consent", StringComparison.OrdinalIgnoreCase));
    }
}
