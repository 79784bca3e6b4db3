using System.Net;
using Hotline.Core.Cases;
using Hotline.Web.Data;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Tests.Console;

/// <summary>One advocate per conversation: taken by the contact's xmin, reassigned only by a supervisor, all audited.</summary>
public class ConversationTakeTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Take_QueuedConversation_AssignsItAndTheCaseAndIsAudited()
    {
        var me = await ConversationSeed.UserAsync(fixture.App, Roles.Operator, "Ana Ruiz");
        var c = await ConversationSeed.ConversationAsync(fixture.App);
        var client = await ConsoleClient.SignedInAsync(fixture.App, me.Email, ConsoleSeed.OperatorPassword);

        var response = await ConsoleClient.PostFormAsync(
            client, $"/cases/{c.CaseId}", $"/cases/{c.CaseId}/conversations/{c.ContactId}/take", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/cases/{c.CaseId}#conversation-h", response.Headers.Location!.ToString());
        var (contact, @case) = await fixture.App.WithDbAsync(async db =>
            (await db.Contacts.SingleAsync(k => k.Id == c.ContactId), await db.Cases.SingleAsync(k => k.Id == c.CaseId)));
        Assert.Equal(ContactState.WithOperator, contact.State);
        Assert.Equal(me.Id, contact.AnsweredBy);
        Assert.Equal(fixture.App.Clock.GetUtcNow(), contact.AnsweredAt);
        Assert.NotNull(contact.AwaitingReplySince); // taking is not answering: they still wait for a reply
        Assert.Equal(CaseStatus.InProgress, @case.Status);
        Assert.Equal(me.Id, @case.AssignedOperatorId);
        var audit = await fixture.App.WithDbAsync(
            db => db.AuditEntries.SingleAsync(a => a.CaseId == c.CaseId && a.Action == "conversation.take"));
        Assert.Contains("now In progress", audit.Detail);
        var page = await client.GetStringAsync($"/cases/{c.CaseId}");
        Assert.Contains("You have this conversation", page);
        Assert.Contains("The case is now In progress", page);
    }

    [Fact]
    public async Task Take_SecondAdvocate_IsRefusedAndSeesWhoHasIt()
    {
        var first = await ConversationSeed.UserAsync(fixture.App, Roles.Operator, "Ana Ruiz");
        var second = await ConversationSeed.UserAsync(fixture.App, Roles.Operator, "Ben Ortiz");
        var c = await ConversationSeed.ConversationAsync(fixture.App);
        var one = await ConsoleClient.SignedInAsync(fixture.App, first.Email, ConsoleSeed.OperatorPassword);
        var two = await ConsoleClient.SignedInAsync(fixture.App, second.Email, ConsoleSeed.OperatorPassword);
        // Both have the page open with its Take button (and its token) before either takes.
        var onePage = await one.GetStringAsync($"/cases/{c.CaseId}");
        var twoPage = await two.GetStringAsync($"/cases/{c.CaseId}");
        Assert.Contains("Take conversation", twoPage);

        await PostAsync(one, onePage, $"/cases/{c.CaseId}/conversations/{c.ContactId}/take");
        await PostAsync(two, twoPage, $"/cases/{c.CaseId}/conversations/{c.ContactId}/take");

        var after = await two.GetStringAsync($"/cases/{c.CaseId}");
        Assert.Contains("Another advocate took this conversation a moment ago.", after);
        Assert.Contains("Taken by Ana Ruiz", after);
        var contact = await fixture.App.WithDbAsync(db => db.Contacts.SingleAsync(k => k.Id == c.ContactId));
        Assert.Equal(first.Id, contact.AnsweredBy);
        Assert.Equal(1, await fixture.App.WithDbAsync(
            db => db.AuditEntries.CountAsync(a => a.CaseId == c.CaseId && a.Action == "conversation.take")));
    }

    [Fact]
    public async Task Take_TwoAdvocatesAtOnce_ExactlyOneGetsIt()
    {
        var c = await ConversationSeed.ConversationAsync(fixture.App);
        var clients = new List<(HttpClient Client, string Page)>();
        for (var i = 0; i < 4; i++)
        {
            var user = await ConversationSeed.UserAsync(fixture.App, Roles.Operator, $"Racer {i}");
            var client = await ConsoleClient.SignedInAsync(fixture.App, user.Email, ConsoleSeed.OperatorPassword);
            clients.Add((client, await client.GetStringAsync($"/cases/{c.CaseId}")));
        }

        await Task.WhenAll(clients.Select(x => PostAsync(x.Client, x.Page, $"/cases/{c.CaseId}/conversations/{c.ContactId}/take")));

        Assert.Equal(1, await fixture.App.WithDbAsync(
            db => db.AuditEntries.CountAsync(a => a.CaseId == c.CaseId && a.Action == "conversation.take")));
        var contact = await fixture.App.WithDbAsync(db => db.Contacts.SingleAsync(k => k.Id == c.ContactId));
        var @case = await fixture.App.WithDbAsync(db => db.Cases.SingleAsync(k => k.Id == c.CaseId));
        Assert.Equal(contact.AnsweredBy, @case.AssignedOperatorId);
    }

    [Fact]
    public async Task Reassign_Supervisor_GivesTheConversationAndTheCaseToAnotherAdvocate()
    {
        var ana = await ConversationSeed.UserAsync(fixture.App, Roles.Operator, "Ana Ruiz");
        var ben = await ConversationSeed.UserAsync(fixture.App, Roles.Operator, "Ben Ortiz");
        var boss = await ConversationSeed.UserAsync(fixture.App, Roles.Supervisor, "Sam Supervisor");
        var c = await ConversationSeed.ConversationAsync(fixture.App, state: ContactState.WithOperator, takenBy: ana.Id);
        var client = await ConsoleClient.SignedInAsync(fixture.App, boss.Email, ConsoleSeed.OperatorPassword);
        var page = await client.GetStringAsync($"/cases/{c.CaseId}");
        Assert.Contains("Give this conversation to", page);
        Assert.Contains($"value=\"{ben.Id}\"", page);

        var response = await PostAsync(client, page, $"/cases/{c.CaseId}/conversations/{c.ContactId}/reassign", new() { ["to"] = ben.Id });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var contact = await fixture.App.WithDbAsync(db => db.Contacts.SingleAsync(k => k.Id == c.ContactId));
        var @case = await fixture.App.WithDbAsync(db => db.Cases.SingleAsync(k => k.Id == c.CaseId));
        Assert.Equal(ben.Id, contact.AnsweredBy);
        Assert.Equal(ben.Id, @case.AssignedOperatorId);
        var audit = await fixture.App.WithDbAsync(
            db => db.AuditEntries.SingleAsync(a => a.CaseId == c.CaseId && a.Action == "conversation.reassign"));
        Assert.Contains("from Ana Ruiz to Ben Ortiz", audit.Detail);
        Assert.Equal(boss.Email, audit.ActorName);
        Assert.Contains("Ben Ortiz now has this conversation.", await client.GetStringAsync($"/cases/{c.CaseId}"));
    }

    [Fact]
    public async Task Reassign_Operator_IsForbiddenAndNothingChanges()
    {
        var ana = await ConversationSeed.UserAsync(fixture.App, Roles.Operator, "Ana Ruiz");
        var ben = await ConversationSeed.UserAsync(fixture.App, Roles.Operator, "Ben Ortiz");
        var c = await ConversationSeed.ConversationAsync(fixture.App, state: ContactState.WithOperator, takenBy: ana.Id);
        var client = await ConsoleClient.SignedInAsync(fixture.App, ben.Email, ConsoleSeed.OperatorPassword);
        var page = await client.GetStringAsync($"/cases/{c.CaseId}");
        Assert.DoesNotContain("Give this conversation to", page);

        var response = await PostAsync(client, page, $"/cases/{c.CaseId}/conversations/{c.ContactId}/reassign", new() { ["to"] = ben.Id });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/denied", response.Headers.Location!.ToString());
        var contact = await fixture.App.WithDbAsync(db => db.Contacts.SingleAsync(k => k.Id == c.ContactId));
        Assert.Equal(ana.Id, contact.AnsweredBy);
        Assert.False(await fixture.App.WithDbAsync(
            db => db.AuditEntries.AnyAsync(a => a.CaseId == c.CaseId && a.Action == "conversation.reassign")));
    }

    [Fact]
    public async Task Board_TakeButton_TakesTheConversationAndOpensTheCase()
    {
        var me = await ConversationSeed.UserAsync(fixture.App, Roles.Operator, "Dora Board");
        var c = await ConversationSeed.ConversationAsync(fixture.App);
        var client = await ConsoleClient.SignedInAsync(fixture.App, me.Email, ConsoleSeed.OperatorPassword);

        var response = await ConsoleClient.PostFormAsync(client, "/", $"/cases/{c.CaseId}/conversations/{c.ContactId}/take", []);

        Assert.Equal($"/cases/{c.CaseId}#conversation-h", response.Headers.Location!.ToString());
        var board = await client.GetStringAsync("/board/live");
        Assert.Contains("Taken by Dora Board", board);
    }

    private static Task<HttpResponseMessage> PostAsync(
        HttpClient client, string page, string action, Dictionary<string, string>? fields = null)
    {
        fields ??= [];
        fields["__RequestVerificationToken"] = ConsoleClient.TokenIn(page);
        return client.PostAsync(action, new FormUrlEncodedContent(fields));
    }
}
