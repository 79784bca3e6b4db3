using Hangfire;
using Hotline.Core.Cases;
using Hotline.Web.Data;
using Hotline.Web.Jobs;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Web.Tests.Foundation;

public class HangfireServerFixture : AppFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        { ["Hangfire:ServerEnabled"] = "true", ["Hangfire:WorkerCount"] = "2" };
}

public class HangfireJobTests(HangfireServerFixture fixture) : IClassFixture<HangfireServerFixture>
{
    [Fact]
    public async Task EnqueuedJob_ThroughTheApp_IsProcessedAndPersisted()
    {
        var id = Guid.NewGuid();
        await fixture.App.WithDbAsync(async db =>
        {
            db.Cases.Add(new Case
            {
                Id = id, Reference = "HL-26-JOB" + id.ToString("N")[..3], FirstChannel = Channel.Voice, FlowId = "national",
                CallbackAllowed = true, CreatedAt = fixture.App.Clock.GetUtcNow(), UpdatedAt = fixture.App.Clock.GetUtcNow(),
            });
            await db.SaveChangesAsync();
        });

        fixture.App.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<CallbackDueJob>(j => j.RunAsync(id));

        var deadline = DateTime.UtcNow.AddSeconds(30);
        var due = false;
        while (!due && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
            due = await fixture.App.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.CallbackDue).SingleAsync());
        }
        Assert.True(due, "the Hangfire server did not run the job within 30 s");
        var audited = await fixture.App.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.CaseId == id && a.Action == "callback.due"));
        Assert.Equal(1, audited);
    }
}
