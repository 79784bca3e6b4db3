using System.Text.RegularExpressions;
using Hotline.Core.Cases;
using Hotline.Web.Data;
using Hotline.Web.Infrastructure;
using Hotline.Web.Operators;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Tests.Console;

/// <summary>The board's order and bounds: most urgent on top, every panel limited with "N more" and a link.</summary>
public class LiveBoardTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Live_NormalCaseBehindAHundredLowOnes_ShowsTheNormalCaseAboveThem()
    {
        var low = await OpenCasesAsync(100, Urgency.Low, age: TimeSpan.FromHours(5));
        var normal = (await OpenCasesAsync(1, Urgency.Normal, age: TimeSpan.FromMinutes(1))).Single();
        var client = await ConsoleClient.SignedInAsync(fixture.App, HotlineApp.AdminEmail, HotlineApp.AdminPassword);

        var board = await client.GetStringAsync("/board/live");

        var normalAt = board.IndexOf(normal, StringComparison.Ordinal);
        Assert.True(normalAt >= 0, "the Normal case fell off the board behind Low ones");
        Assert.All(low.Where(r => board.Contains(r)),
            r => Assert.True(board.IndexOf(r, StringComparison.Ordinal) > normalAt, $"Low case {r} listed above a Normal one"));
    }

    [Fact]
    public async Task Live_MoreOpenCasesThanTheBoardShows_SaysHowManyMoreAndLinksToThemInTheSameOrder()
    {
        await OpenCasesAsync(60, Urgency.Low, age: TimeSpan.FromHours(1));
        var client = await ConsoleClient.SignedInAsync(fixture.App, HotlineApp.AdminEmail, HotlineApp.AdminPassword);
        var open = await fixture.App.WithDbAsync(
            db => db.Cases.CountAsync(c => c.Status != CaseStatus.Closed && c.Status != CaseStatus.Intake));

        var board = await client.GetStringAsync("/board/live");

        Assert.Contains($"{open - 50} more are not shown", board);
        Assert.Contains("href=\"/cases?board=open\"", board);
        var list = await client.GetStringAsync("/cases?board=open");
        Assert.Contains($"{open} cases found", list);
        Assert.Contains("Cases open, most urgent first", list);
    }

    [Fact]
    public async Task Live_ThousandCallersStuckInTheQueue_ShowsTwentyAndHowManyMoreInASmallPage()
    {
        var before = await fixture.App.WithDbAsync(db => db.Contacts.CountAsync(
            c => c.Channel == Channel.Voice && c.State == ContactState.Queued));
        await fixture.App.WithDbAsync(async db =>
        {
            var now = fixture.App.Clock.GetUtcNow();
            for (var i = 0; i < 1000; i++)
            {
                var @case = NewCase(Urgency.Normal, now - TimeSpan.FromMinutes(30));
                @case.Status = CaseStatus.Intake; // still in the queue: not on the open-cases panel
                db.Cases.Add(@case);
                db.Contacts.Add(new Contact
                {
                    Id = Guid.NewGuid(), CaseId = @case.Id, Channel = Channel.Voice, ExternalId = "CA" + Guid.NewGuid().ToString("N"),
                        FlowId = "national",
                    NodeId = "queue", Language = "en", State = ContactState.Queued, StartedAt = @case.CreatedAt,
                        LastActivityAt = @case.CreatedAt, EnqueuedAt = @case.CreatedAt,
                });
            }
            await db.SaveChangesAsync();
        });
        var client = await ConsoleClient.SignedInAsync(fixture.App, HotlineApp.AdminEmail, HotlineApp.AdminPassword);

        var board = await client.GetStringAsync("/board/live");

        Assert.Equal(20, Regex.Count(board, "class=\"primary take\""));
        Assert.Contains($"{before + 1000 - 20} more are not shown", board);
        Assert.Contains("href=\"/cases?board=waiting\"", board);
        Assert.True(board.Length < 200_000, $"the board's refresh is {board.Length} characters");
    }

    [Fact]
    public async Task Live_QueuedSmsConversation_ShowsOnlyUnderConversationsWaitingNotUnderCallersWaiting()
    {
        // Waiting longer than any other test's callers, so each would head its panel (the panels show the first 20).
        var texter = await ConversationSeed.ConversationAsync(
            fixture.App, Channel.Sms, ContactState.Queued, waiting: TimeSpan.FromHours(30));
        var caller = await ConsoleSeed.QueuedCallerAsync(fixture.App, waiting: TimeSpan.FromHours(30));
        var client = await ConsoleClient.SignedInAsync(fixture.App, HotlineApp.AdminEmail, HotlineApp.AdminPassword);

        var board = await client.GetStringAsync("/board/live");
        var callersAt = board.IndexOf("id=\"waiting-h\"", StringComparison.Ordinal);
        var conversationsAt = board.IndexOf("id=\"conversations-h\"", StringComparison.Ordinal);
        Assert.True(callersAt >= 0 && conversationsAt > callersAt, "the board lost one of its panels");
        var callersPanel = board[callersAt..conversationsAt];
        var conversationsPanel = board[conversationsAt..];

        Assert.Contains(caller.Reference, callersPanel);
        Assert.DoesNotContain(texter.Reference, callersPanel);
        Assert.Contains($"data-conversation=\"{texter.ContactId}\"", conversationsPanel);
        // The panel's "N more" list agrees with it: the cases with a caller on hold, none with only a text waiting.
        var onHold = await fixture.App.WithDbAsync(db => db.Cases.CountAsync(
            c => c.Contacts.Any(k => k.Channel == Channel.Voice && k.State == ContactState.Queued)));
        var waitingList = await client.GetStringAsync("/cases?board=" + BoardLists.WaitingList);
        Assert.Contains($"{onHold} case{(onHold == 1 ? "" : "s")} found.", waitingList);
    }

    [Fact]
    public async Task Live_CallbackDue_ShowsTheSafeContactRulesBeforeTheCase()
    {
        var reference = (await OpenCasesAsync(1, Urgency.High, age: TimeSpan.FromHours(1), callbackDue: true)).Single();
        var client = await ConsoleClient.SignedInAsync(fixture.App, HotlineApp.AdminEmail, HotlineApp.AdminPassword);

        var board = await client.GetStringAsync("/board/live");

        var panel =
            board[board.IndexOf("id=\"callbacks-h\"", StringComparison.Ordinal)..board.IndexOf("id=\"late-h\"", StringComparison.Ordinal)];
        var row = panel[..panel.IndexOf(reference, StringComparison.Ordinal)];
        Assert.Contains("NO voicemail", row[row.LastIndexOf("<tr", StringComparison.Ordinal)..]);
        Assert.Contains("Only weekday afternoons", row[row.LastIndexOf("<tr", StringComparison.Ordinal)..]);
        Assert.Contains("Call back: yes", row[row.LastIndexOf("<tr", StringComparison.Ordinal)..]);
        // The due time is local: the column names the zone it is in.
        Assert.Matches(@"Due \([A-Za-z_/]+ \(UTC[+-]\d\d:\d\d\)\)", panel);
    }

    [Fact]
    public async Task Live_CrisisContactOfNormalUrgencyAndACrisisUrgencyCase_CrisisUrgencyIsListedFirst()
    {
        // The older case is a Crisis contact an operator left at Normal urgency; the newer one is urgent now.
        var older = (await OpenCasesAsync(1, Urgency.Normal, age: TimeSpan.FromHours(3), contactType: ContactType.Crisis)).Single();
        var urgent = (await OpenCasesAsync(1, Urgency.Crisis, age: TimeSpan.FromMinutes(2))).Single();
        var client = await ConsoleClient.SignedInAsync(fixture.App, HotlineApp.AdminEmail, HotlineApp.AdminPassword);

        var board = await client.GetStringAsync("/board/live");

        Assert.True(board.IndexOf(urgent, StringComparison.Ordinal) < board.IndexOf(older, StringComparison.Ordinal),
            "a Normal badge was listed above a Crisis one");
    }

    private Case NewCase(Urgency urgency, DateTimeOffset created, bool callbackDue = false) => new()
    {
        Id = Guid.NewGuid(), Reference = CaseReferences.New(created), Status = CaseStatus.AwaitingTriage, Urgency = urgency,
        FirstChannel = Channel.Voice, FlowId = "national", Language = "en", CreatedAt = created, UpdatedAt = created,
        CallbackAllowed = true, CallbackWindow = "weekday afternoons", VoicemailAllowed = false, SafeToTalk = true,
        CallbackDue = callbackDue, CallbackDueAt = callbackDue ? created : null,
    };

    private async Task<List<string>> OpenCasesAsync(
        int count, Urgency urgency, TimeSpan age, bool callbackDue = false, ContactType? contactType = null)
    {
        var now = fixture.App.Clock.GetUtcNow();
        var cases = Enumerable.Range(0, count).Select(i => NewCase(urgency, now - age - TimeSpan.FromSeconds(i), callbackDue)).ToList();
        cases.ForEach(c => c.ContactType = contactType);
        await fixture.App.WithDbAsync(async db =>
        {
            db.Cases.AddRange(cases);
            await db.SaveChangesAsync();
        });
        return cases.Select(c => c.Reference).ToList();
    }
}
