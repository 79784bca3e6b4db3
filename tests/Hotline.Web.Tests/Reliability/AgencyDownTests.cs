using Hotline.Core.Cases;
using Hotline.Core.Referrals;
using Hotline.Web.Data;
using Hotline.Web.Jobs;
using Hotline.Web.Referrals;
using Hotline.Web.Tests.Referrals;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Hotline.Web.Tests.Reliability;

public class AgencyDownTests(ReferralFixture f) : IClassFixture<ReferralFixture>
{
    private async Task<Agency> ChildProtectionAsync(string name, int order, string path)
    {
        var id = Guid.NewGuid();
        var agency = new Agency
        {
            Id = id, Name = name, Type = AgencyType.ChildProtection, Jurisdictions = ["ZY"], Languages = ["en"], TimeZone = "UTC",
                PathwayOrder = order,
            Channels = [
                new AgencyChannel
                { Id = Guid.NewGuid(), AgencyId = id, Channel = NotificationChannel.Webhook, Address = f.Agencies.Url + path }],
        };
        await f.App.WithDbAsync(async db => { db.Agencies.Add(agency); await db.SaveChangesAsync(); });
        return agency;
    }

    [Fact]
    public async Task AgencyReceiverDown_DeliveryRetriesThenEscalates_NothingLostOrSentTwice()
    {
        var downPath = "/down/" + Guid.NewGuid().ToString("N");
        var upPath = "/up/" + Guid.NewGuid().ToString("N");
        f.Agencies.Given(Request.Create().WithPath(downPath).UsingPost()).RespondWith(Response.Create().WithStatusCode(503));
        var down = await ChildProtectionAsync("Down County Child Protection", 1, downPath);
        var up = await ChildProtectionAsync("Up County Child Protection", 2, upPath);
        var @case = await f.NewCaseAsync(c => { c.ChildInvolved = true; c.ContactType = ContactType.Tip; c.Jurisdiction = "ZY"; });

        await f.RunAsync<CasePathway>(p => p.EvaluateAsync(@case.Id, "system", default));
        var first = (await f.ReferralsAsync(@case.Id)).Single(r => r.AgencyId == down.Id);
        for (var attempt = 0; attempt < 3; attempt++) // Hangfire's automatic retries, run by hand
            await Assert.ThrowsAnyAsync<Exception>(() => f.RunAsync<ReferralDeliveryJob>(j => j.RunAsync(first.Id, 0)));
        Assert.Equal(ReferralStatus.Failed, (await f.ReferralsAsync(@case.Id)).Single(r => r.Id == first.Id).Status);

        f.App.Clock.Advance(TimeSpan.FromHours(1)); // past the acknowledgement deadline
        await f.RunAsync<ReferralDeadlineJob>(j => j.RunAsync(first.Id));
        await f.RunAsync<ReferralDeadlineJob>(j => j.RunAsync(first.Id)); // at least once: a second run changes nothing

        var referrals = await f.ReferralsAsync(@case.Id);
        Assert.Equal(ReferralStatus.Expired, referrals.Single(r => r.Id == first.Id).Status);
        var next = Assert.Single(referrals, r => r.EscalatedFromId == first.Id);
        Assert.Equal(up.Id, next.AgencyId);
        await f.RunAsync<ReferralDeliveryJob>(j => j.RunAsync(next.Id, 0));
        await f.RunAsync<ReferralDeliveryJob>(j => j.RunAsync(next.Id, 0));
        Assert.Equal(ReferralStatus.Delivered, (await f.ReferralsAsync(@case.Id)).Single(r => r.Id == next.Id).Status);

        Assert.Equal(3, f.Received(downPath).Count);   // retried, never beyond the failed attempts
        Assert.Single(f.Received(upPath));             // delivered once, though the job ran twice
        Assert.Single(f.SmsTo("+15550100999"), b => b.Contains(@case.Reference) && b.Contains("Up County Child Protection"));
    }
}
