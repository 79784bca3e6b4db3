using System.Net;
using Hotline.Web.Data;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Tests.Console;

/// <summary>
/// Replying and closing. What the console decides alone (who may answer, an empty or too long reply, the text kept
/// on a refusal) runs now; and the reply and closing message through the real sender with WireMock as Twilio.
/// </summary>
public class ConversationReplyTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Reply_NotTakenByMe_IsRefusedAndNothingIsWritten()
    {
        var ana = await ConversationSeed.UserAsync(fixture.App, Roles.Operator, "Ana Ruiz");
        var ben = await ConversationSeed.UserAsync(fixture.App, Roles.Operator, "Ben Ortiz");
        var c = await ConversationSeed.ConversationAsync(fixture.App, state: ContactState.WithOperator, takenBy: ana.Id);
        var client = await ConsoleClient.SignedInAsync(fixture.App, ben.Email, ConsoleSeed.OperatorPassword);
        var page = await client.GetStringAsync($"/cases/{c.CaseId}");
        Assert.DoesNotContain("id=\"reply-body\"", page);
        Assert.Contains("Take the conversation (above) to reply", page);

        var response = await PostAsync(client, page, $"/cases/{c.CaseId}/conversations/{c.ContactId}/reply", new() { ["body"] = "hola" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Another advocate has this conversation: only they can answer it.", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await fixture.App.WithDbAsync(db => db.ConversationMessages.CountAsync(m => m.CaseId == c.CaseId)));
    }

    [Fact]
    public async Task Reply_TooLong_IsRefusedWithTheTypedTextKeptInTheBox()
    {
        var me = await ConversationSeed.UserAsync(fixture.App, Roles.Operator, "Ana Ruiz");
        var c = await ConversationSeed.ConversationAsync(fixture.App, state: ContactState.WithOperator, takenBy: me.Id);
        var client = await ConsoleClient.SignedInAsync(fixture.App, me.Email, ConsoleSeed.OperatorPassword);
        var page = await client.GetStringAsync($"/cases/{c.CaseId}");
        var text = "Estamos aquí para ayudarte. " + new string('x', 1600);

        var response = await PostAsync(client, page, $"/cases/{c.CaseId}/conversations/{c.ContactId}/reply", new() { ["body"] = text });

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The reply is too long", html);
        Assert.Contains(text + "</textarea>", html);
        Assert.Contains("role=\"alert\" id=\"reply-problem\">The reply is too long", html);
    }

    [Fact]
    public async Task Close_OperatorWhoDoesNotHaveIt_IsRefused()
    {
        var ana = await ConversationSeed.UserAsync(fixture.App, Roles.Operator, "Ana Ruiz");
        var ben = await ConversationSeed.UserAsync(fixture.App, Roles.Operator, "Ben Ortiz");
        var c = await ConversationSeed.ConversationAsync(fixture.App, state: ContactState.WithOperator, takenBy: ana.Id);
        var client = await ConsoleClient.SignedInAsync(fixture.App, ben.Email, ConsoleSeed.OperatorPassword);
        var page = await client.GetStringAsync($"/cases/{c.CaseId}");

        await PostAsync(client, page, $"/cases/{c.CaseId}/conversations/{c.ContactId}/close");

        Assert.Contains("only they or a supervisor can close it", await client.GetStringAsync($"/cases/{c.CaseId}"));
        var contact = await fixture.App.WithDbAsync(db => db.Contacts.SingleAsync(k => k.Id == c.ContactId));
        Assert.Equal(ContactState.WithOperator, contact.State);
    }

    // ---- Need the real ConversationSender (merged separately) ----

    [Fact]
    public async Task Reply_Taken_PostsThroughTheSenderAndShowsItsResult()
    {
        var me = await ConversationSeed.UserAsync(fixture.App, Roles.Operator, "Ana Ruiz");
        var c = await ConversationSeed.ConversationAsync(fixture.App, state: ContactState.WithOperator, takenBy: me.Id);
        await ConversationSeed.MessageAsync(fixture.App, c, MessageAuthor.Texter, "¿hay alguien?");
        var client = await ConsoleClient.SignedInAsync(fixture.App, me.Email, ConsoleSeed.OperatorPassword);
        var page = await client.GetStringAsync($"/cases/{c.CaseId}");

        var response = await PostAsync(
            client, page, $"/cases/{c.CaseId}/conversations/{c.ContactId}/reply", new() { ["body"] = "Sí, soy Ana. ¿Estás a salvo?" });

        var rows = await Transcripts.OfCaseAsync(fixture.App, c.CaseId);
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            // Sent (or at least written and handed to Twilio): the advocate's row, by name, on the page.
            var reply = Assert.Single(rows, m => m.Author == MessageAuthor.Advocate);
            Assert.Equal("Sí, soy Ana. ¿Estás a salvo?", reply.Body);
            Assert.Equal(me.Id, reply.AuthorUserId);
            var after = await client.GetStringAsync($"/cases/{c.CaseId}");
            Assert.Contains("Reply sent.", after);
            Assert.Contains("Ana Ruiz (advocate) replied:", after);
        }
        else
        {
            // Refused by the sender: its Problem is shown next to the box, and the text is still in it.
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Contains("id=\"reply-problem\">Not sent: ", html);
            Assert.Contains("Sí, soy Ana. ¿Estás a salvo?</textarea>", html);
        }
    }

    [Fact]
    public async Task Close_Holder_SendsTheClosingMessageAndEndsTheConversation()
    {
        var me = await ConversationSeed.UserAsync(fixture.App, Roles.Operator, "Ana Ruiz");
        var c = await ConversationSeed.ConversationAsync(fixture.App, state: ContactState.WithOperator, takenBy: me.Id);
        await ConversationSeed.MessageAsync(fixture.App, c, MessageAuthor.Texter, "gracias, estoy bien");
        var client = await ConsoleClient.SignedInAsync(fixture.App, me.Email, ConsoleSeed.OperatorPassword);
        var page = await client.GetStringAsync($"/cases/{c.CaseId}");

        await PostAsync(client, page, $"/cases/{c.CaseId}/conversations/{c.ContactId}/close");

        var contact = await fixture.App.WithDbAsync(db => db.Contacts.SingleAsync(k => k.Id == c.ContactId));
        Assert.Equal(ContactState.Completed, contact.State);
        Assert.Equal(fixture.App.Clock.GetUtcNow(), contact.EndedAt);
        Assert.Null(contact.AwaitingReplySince);
        var closing = Assert.Single(await Transcripts.OfCaseAsync(fixture.App, c.CaseId), m => m.Author == MessageAuthor.Automatic);
        Assert.False(string.IsNullOrWhiteSpace(closing.Body));
        Assert.True(await fixture.App.WithDbAsync(
            db => db.AuditEntries.AnyAsync(a => a.CaseId == c.CaseId && a.Action == "conversation.close")));
        var after = await client.GetStringAsync($"/cases/{c.CaseId}");
        Assert.Contains("Conversation closed", after);
        Assert.DoesNotContain("id=\"reply-body\"", after);
    }

    private static Task<HttpResponseMessage> PostAsync(
        HttpClient client, string page, string action, Dictionary<string, string>? fields = null)
    {
        fields ??= [];
        fields["__RequestVerificationToken"] = ConsoleClient.TokenIn(page);
        return client.PostAsync(action, new FormUrlEncodedContent(fields));
    }
}
