using Hotline.Core.Cases;
using Hotline.Web.Data;
using Hotline.Web.Jobs;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Tests.Telephony;

public class SweepJobTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    /// <summary>Inserts an awaiting-triage voice case; <paramref name="shape"/> sets what each test needs on top.</summary>
    private async Task NewCaseAsync(Guid id, string reference, DateTimeOffset createdAt, Action<Case> shape)
    {
        var @case = new Case
        {
            Id = id, Reference = reference, FirstChannel = Channel.Voice, FlowId = "national", Status = CaseStatus.AwaitingTriage,
            CreatedAt = createdAt, UpdatedAt = createdAt,
        };
        shape(@case);
        await fixture.App.WithDbAsync(async db => { db.Cases.Add(@case); await db.SaveChangesAsync(); });
    }

    [Fact]
    public async Task PromiseSweep_DueCallbackWithoutJob_PutsItOnTheBoardOnce()
    {
        var id = Guid.NewGuid();
        await NewCaseAsync(id, "HL-26-SWP" + id.ToString("N")[..3], fixture.App.Clock.GetUtcNow(), c =>
        {
            c.CallbackAllowed = true;
            c.CallbackDueAt = fixture.App.Clock.GetUtcNow().AddMinutes(-5);
        });

        await fixture.App.RunAsync<PromiseSweepJob>(j => j.RunAsync());
        await fixture.App.RunAsync<PromiseSweepJob>(j => j.RunAsync());

        Assert.True(await fixture.App.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.CallbackDue).SingleAsync()));
        Assert.Equal(1, await fixture.App.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.CaseId == id && a.Action == "callback.due")));
    }

    [Fact]
    public async Task SmsExpiry_QuietConversation_IsExpiredKeepingAnswers()
    {
        var twilio = new TwilioWebhooks(fixture.App.CreateClient());
        await twilio.SmsAsync("hi", "+15550005555");
        await twilio.SmsAsync("1", "+15550005555");
        fixture.App.Clock.Advance(TimeSpan.FromHours(1));
        try
        {
            await fixture.App.RunAsync<SmsExpiryJob>(j => j.RunAsync());
        }
        finally
        {
            fixture.App.Clock.Set(TestClock.WednesdayAfternoon);
        }
        var contact = await fixture.App.WithDbAsync(db => db.Contacts.Include(c => c.Case).SingleAsync(c => c.Channel == Channel.Sms));
        Assert.Equal(ContactState.Expired, contact.State);
        Assert.True(contact.Case.Abandoned);
        Assert.Equal(1, await fixture.App.WithDbAsync(db => db.IntakeAnswers.CountAsync(a => a.ContactId == contact.Id)));
    }

    [Fact]
    public async Task PromiseSweep_IntakeEndedButPathwayNeverRan_EvaluatesTheCase()
    {
        var id = Guid.NewGuid();
        await NewCaseAsync(id, "HL-26-PW" + id.ToString("N")[..4], fixture.App.Clock.GetUtcNow().AddMinutes(-10), c =>
        {
            c.ChildInvolved = true;
            c.Jurisdiction = "TX";
        });

        await fixture.App.RunAsync<PromiseSweepJob>(j => j.RunAsync());

        var @case = await fixture.App.WithDbAsync(db => db.Cases.Include(c => c.Referrals).SingleAsync(c => c.Id == id));
        Assert.NotNull(@case.TriageDueAt);
        Assert.Contains(@case.Referrals, r => r.Mandatory);
    }
}
