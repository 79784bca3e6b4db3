using Hangfire;
using Hotline.Web.Data;
using Hotline.Web.Jobs;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Web.Tests.Reliability;

/// <summary>The service killed mid-call and started again, and two nodes sharing one database.</summary>
public class RestartTests : IAsyncLifetime
{
    private string _cs = "";
    private readonly TwilioApiMock _twilio = new();

    public async Task InitializeAsync() => _cs = await TestPostgres.CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        _twilio.Dispose();
        await TestPostgres.DropDatabaseAsync(_cs);
    }

    private HotlineApp Node(bool jobs = false) =>
        new(_cs, _twilio, new Dictionary<string, string?> { ["Hangfire:ServerEnabled"] = jobs ? "true" : "false", ["Hangfire:WorkerCount"] = "2" });

    [Fact]
    public async Task ServiceKilledMidCall_NextWebhookContinuesFromStoredState()
    {
        var sid = TwilioWebhooks.NewCallSid();
        Twiml twiml;
        await using (var first = Node())
        {
            var twilio = new TwilioWebhooks(first.CreateClient());
            twiml = await twilio.IncomingAsync(sid);
            twiml = await twilio.PressAsync(sid, twiml, "2"); // Spanish
            twiml = await twilio.PressAsync(sid, twiml, "1"); // safe
        } // the node goes away between two webhooks of the call

        await using var second = Node();
        var next = await new TwilioWebhooks(second.CreateClient()).PressAsync(sid, twiml, "2");
        Assert.Contains("step=3", next.GatherAction);
        Assert.Contains("menor de 18", next.AllText); // still Spanish, at the child question
        var answers = await second.WithDbAsync(db => db.IntakeAnswers.CountAsync(a => db.Contacts.Any(c => c.ExternalId == sid && c.Id == a.ContactId)));
        Assert.Equal(3, answers);
    }

    [Fact]
    public async Task TwoNodes_AlternatingWebhooks_CompleteTheCall()
    {
        await using var a = Node();
        await using var b = Node();
        var nodes = new[] { new TwilioWebhooks(a.CreateClient()), new TwilioWebhooks(b.CreateClient()) };
        var sid = TwilioWebhooks.NewCallSid();
        var twiml = await nodes[0].IncomingAsync(sid);
        var keys = new[] { "1", "1", "2", "2", "1", "2" };
        for (var i = 0; i < keys.Length; i++) twiml = await nodes[(i + 1) % 2].PressAsync(sid, twiml, keys[i]);

        Assert.Equal("national-advocates", twiml.Enqueued);
        var contact = await a.WithDbAsync(db => db.Contacts.AsNoTracking().SingleAsync(c => c.ExternalId == sid));
        Assert.Equal(ContactState.Queued, contact.State);
        Assert.Equal(6, contact.Step);
    }

    [Fact]
    public async Task JobsScheduledBeforeRestart_RunAfterIt_OnceAcrossTwoNodes()
    {
        var ids = Enumerable.Range(0, 6).Select(_ => Guid.NewGuid()).ToList();
        await using (var before = Node())
        {
            await before.WithDbAsync(async db =>
            {
                foreach (var id in ids)
                    db.Cases.Add(new Case
                    {
                        Id = id, Reference = "HL-26-R" + id.ToString("N")[..5], FirstChannel = Core.Cases.Channel.Voice, FlowId = "national",
                        CallbackAllowed = true, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
                    });
                await db.SaveChangesAsync();
            });
            var jobs = before.Services.GetRequiredService<IBackgroundJobClient>();
            foreach (var id in ids) jobs.Schedule<CallbackDueJob>(j => j.RunAsync(id), TimeSpan.FromSeconds(1));
        } // stopped before any job ran (no job server on this node)

        await using var nodeA = Node(jobs: true);
        await using var nodeB = Node(jobs: true);
        _ = nodeA.Server;
        _ = nodeB.Server;
        var deadline = DateTime.UtcNow.AddSeconds(40);
        int done;
        do
        {
            await Task.Delay(300);
            done = await nodeA.WithDbAsync(db => db.Cases.CountAsync(c => ids.Contains(c.Id) && c.CallbackDue));
        } while (done < ids.Count && DateTime.UtcNow < deadline);

        Assert.Equal(ids.Count, done);
        await Task.Delay(2000); // give a duplicate run the chance to show itself
        var runs = await nodeA.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "callback.due" && ids.Contains(e.CaseId!.Value)).GroupBy(e => e.CaseId).Select(g => g.Count()).ToListAsync());
        Assert.Equal(ids.Count, runs.Count);
        Assert.All(runs, n => Assert.Equal(1, n));
    }
}
