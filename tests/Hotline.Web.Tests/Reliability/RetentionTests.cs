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

        var kept = await fixture.App.WithDbAsync(db => db.Cases.AsNoTracking().SingleAsync(c => c.Id == recent));
        Assert.Equal("Ana at 12 Elm St", kept.Narrative);
        Assert.Null(kept.RedactedAt);
        var raw = await TestPostgres.ScalarAsync<string>(
            fixture.ConnectionString,
            $"SELECT coalesce(\"Narrative\", '') || coalesce(\"CallerNumber\", '') FROM cases WHERE \"Id\" = '{old}'");
        Assert.Equal("", raw);
    }
}
