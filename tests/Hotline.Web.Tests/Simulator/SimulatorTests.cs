using Hotline.Core.Cases;
using Hotline.Simulator;
using Hotline.Web.Data;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Tests.Simulator;

public class SimulatorTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task PlayCall_FullPathToAnAdvocate_LeavesCaseWithEveryAnswer()
    {
        var client =
            new WebhookClient(fixture.App.CreateClient(), new Uri("http://localhost"), HotlineApp.AuthToken,
                new Uri(HotlineApp.PublicBaseUrl));
        var keys = new[] { "2", "1", "2", "1", "1", "1", "4", "2" };
        var player = new TwimlPlayer(client, new CallOptions { QueueResult = "bridged" }, new ScriptedInput(keys));

        var call = await player.PlayCallAsync("CA" + Guid.NewGuid().ToString("N"));

        Assert.True(call.EnqueuedIn == "national-advocates", "the caller heard:\n" + string.Join("\n", call.Heard));
        Assert.Equal(keys, call.Pressed);
        Assert.StartsWith("If you are in immediate danger", call.Heard[0]);
        var contact = await fixture.App.WithDbAsync(
            db => db.Contacts.Include(c => c.Case).AsNoTracking().SingleAsync(c => c.ExternalId == call.CallSid));
        Assert.Equal(ContactState.Completed, contact.State); // bridged, then the status callback ended it
        Assert.NotNull(contact.AnsweredAt);
        Assert.Equal(CaseStatus.AwaitingTriage, contact.Case.Status);
        Assert.Equal("es", contact.Case.Language);
        Assert.True(contact.Case.ChildInvolved);
        var answers = await fixture.App.WithDbAsync(
            db => db.IntakeAnswers.Where(a => a.ContactId == contact.Id).ToDictionaryAsync(a => a.Field, a => a.Value));
        Assert.Equal(8, answers.Count);
        Assert.Equal("evening", answers["callbackWindow"]);
    }
}
