using Hotline.Core.Cases;
using Hotline.Web.Data;
using Hotline.Web.Jobs;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Tests.Reliability;

public class RetentionTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private async Task<Guid> ClosedCaseAsync(TimeSpan closedAgo)
    {
        var id = Guid.NewGuid();
        var now = fixture.App.Clock.GetUtcNow();
        await fixture.App.WithDbAsync(async db =>
        {
            db.Cases.Add(new Case
            {
                Id = id, Reference = "HL-26-T" + id.ToString("N")[..5], FirstChannel = Channel.Voice, FlowId = "national",
                    Status = CaseStatus.Closed,
                ClosedAt = now - closedAgo, CallerNumber = "+15551112222", CallerHash = "abc", Narrative = "Ana at 12 Elm St",
                SafetyPlan = "Go to the library", ContactType = ContactType.Tip, TraffickingType = TraffickingType.Labour,
                    Urgency = Urgency.High,
                CreatedAt = now - closedAgo - TimeSpan.FromDays(3), UpdatedAt = now,
                Notes = [new CaseNote { Id = Guid.NewGuid(), AuthorId = "u", AuthorName = "Op", Body = "Ana's boss is Mr X", At = now }],
            });
            var contactId = Guid.NewGuid();
            db.Contacts.Add(new Contact
            {
                Id = contactId, CaseId = id, Channel = Channel.Sms, ExternalId = TwilioWebhooks.NewMessageSid(), FlowId = "national",
                State = ContactState.Completed, StartedAt = now - closedAgo, LastActivityAt = now - closedAgo,
            });
            db.ConversationMessages.Add(new ConversationMessage
            {
                Id = Guid.NewGuid(), CaseId = id, ContactId = contactId, Channel = Channel.Sms, Direction = MessageDirection.Inbound,
                Author = MessageAuthor.Texter, Body = "I am at the farm on Elm St", Status = MessageStatus.Received,
                At = now - closedAgo,
                MediaJson = """[{"Url":"https://api.twilio.com/2010-04-01/Accounts/AC1/Media/ME1","ContentType":"image/jpeg"}]""",
            });
            await db.SaveChangesAsync();
        });
        return id;
    }

    [Fact]
    public async Task Retention_CaseClosedLongerThanPeriod_RedactsPersonalData_KeepsStatistics()
    {
        var old = await ClosedCaseAsync(TimeSpan.FromDays(4000));
        var recent = await ClosedCaseAsync(TimeSpan.FromDays(10));

        await fixture.App.RunAsync<RetentionJob>(async job => Assert.True(await job.RunAsync() >= 1));

        var redacted = await fixture.App.WithDbAsync(db => db.Cases.Include(c => c.Notes).AsNoTracking().SingleAsync(c => c.Id == old));
        Assert.Null(redacted.CallerNumber);
        Assert.Null(redacted.CallerHash);
        Assert.Null(redacted.Narrative);
        Assert.Null(redacted.SafetyPlan);
        Assert.Equal(RetentionJob.Redacted, redacted.Notes.Single().Body);
        Assert.NotNull(redacted.RedactedAt);
        Assert.Equal(TraffickingType.Labour, redacted.TraffickingType); // anonymous statistics stay
        Assert.Equal(Urgency.High, redacted.Urgency);
        // The transcript goes with the rest: what they wrote and the links to their photos.
        var transcript = await fixture.App.WithDbAsync(db => db.ConversationMessages.AsNoTracking().SingleAsync(m => m.CaseId == old));
        Assert.Equal((null, null), (transcript.Body, transcript.MediaJson));
        Assert.Equal(MessageAuthor.Texter, transcript.Author); // who wrote, when: statistics, not personal data
        var keptText = await fixture.App.WithDbAsync(db => db.ConversationMessages.AsNoTracking().SingleAsync(m => m.CaseId == recent));
        Assert.Equal("I am at the farm on Elm St", keptText.Body);

        var kept = await fixture.App.WithDbAsync(db => db.Cases.AsNoTracking().SingleAsync(c => c.Id == recent));
        Assert.Equal("Ana at 12 Elm St", kept.Narrative);
        Assert.Null(kept.RedactedAt);
        var raw = await TestPostgres.ScalarAsync<string>(
            fixture.ConnectionString,
            $"SELECT coalesce(\"Narrative\", '') || coalesce(\"CallerNumber\", '') FROM cases WHERE \"Id\" = '{old}'");
        Assert.Equal("", raw);
    }
}
