using System.Net;
using Hangfire;
using Hotline.Web.Data;
using Hotline.Web.Jobs;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

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
        new(
            _cs, _twilio,
            new Dictionary<string, string?> { ["Hangfire:ServerEnabled"] = jobs ? "true" : "false", ["Hangfire:WorkerCount"] = "2" });

    [Fact]
    public async Task ServiceKilledMidCall_NewProcessFinishesTheCall_CaseHoldsEveryAnswer()
    {
        var sid = TwilioWebhooks.NewCallSid();
        // Spanish, safe, no danger, child involved, report, callback yes (evening), no voicemail: to the queue.
        var keys = new (string Digits, string Field, string Value)[]
        {
            ("2", "language", "es"), ("1", "safeToTalk", "yes"), ("2", "imminentDanger", "no"), ("1", "childInvolved", "yes"),
            ("1", "need", "report"), ("1", "callbackAllowed", "yes"), ("4", "callbackWindow", "evening"), ("2", "voicemailAllowed", "no"),
        };
        Twiml twiml;
        await using (var first = await ServiceProcess.StartAsync(_cs, _twilio))
        {
            var twilio = new TwilioWebhooks(first.CreateClient());
            twiml = await twilio.IncomingAsync(sid);
            for (var i = 0; i < 3; i++) twiml = await twilio.PressAsync(sid, twiml, keys[i].Digits);
            Assert.Contains("menor de 18", twiml.AllText); // the caller now hears the child question
            await first.KillAsync(); // SIGKILL between two webhooks of the call: no graceful shutdown of any kind
            Assert.Equal(128 + 9, first.ExitCode);
        }

        await using var second = await ServiceProcess.StartAsync(_cs, _twilio);
        var again = new TwilioWebhooks(second.CreateClient());
        twiml = await again.PressAsync(sid, twiml, keys[3].Digits);
        Assert.Contains("step=4", twiml.GatherAction); // the new process continues from the stored step...
        Assert.Contains("Oprima", twiml.AllText);       // ...in the caller's language
        for (var i = 4; i < keys.Length; i++) twiml = await again.PressAsync(sid, twiml, keys[i].Digits);
        Assert.Equal("national-advocates", twiml.Enqueued);
        await again.VoiceAsync("/twilio/voice/queue-result", sid, new Dictionary<string, string> { ["QueueResult"] = "bridged" });
        Assert.Equal(HttpStatusCode.NoContent, await again.StatusAsync(sid, "completed"));

        var answers = await AnswersAsync(sid);
        Assert.Equal(keys.ToDictionary(k => k.Field, k => k.Value), answers);
        Assert.Equal(
            "Completed", await TestPostgres.ScalarAsync<string>(_cs, $"""SELECT "State" FROM contacts WHERE "ExternalId" = '{sid}'"""));
    }

    private async Task<Dictionary<string, string>> AnswersAsync(string callSid)
    {
        await using var connection = new NpgsqlConnection(_cs);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT a."Field", a."Value" FROM intake_answers a JOIN contacts c ON c."Id" = a."ContactId" WHERE c."ExternalId" = $1
            """, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = callSid });
        var answers = new Dictionary<string, string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) answers[reader.GetString(0)] = reader.GetString(1);
        return answers;
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
                {
                    db.Cases.Add(new Case
                    {
                        Id = id, Reference = "HL-26-R" + id.ToString("N")[..5], FirstChannel = Core.Cases.Channel.Voice,
                            FlowId = "national",
                        CallbackAllowed = true, CreatedAt = before.Clock.GetUtcNow(), UpdatedAt = before.Clock.GetUtcNow(),
                    });
                }
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
        var runs = await nodeA.WithDbAsync(
            db => db.AuditEntries.Where(e => e.Action == "callback.due" && ids.Contains(e.CaseId!.Value)).GroupBy(e => e.CaseId)
            .Select(g => g.Count()).ToListAsync());
        Assert.Equal(ids.Count, runs.Count);
        Assert.All(runs, n => Assert.Equal(1, n));
    }
}
