using System.Net;
using Hotline.Web.Data;
using Hotline.Web.Tests.Infrastructure;

namespace Hotline.Web.Tests.Console;

/// <summary>Quick replies: buttons in the person's language that fill the box (with script) or post their id (without).</summary>
public class ConversationQuickReplyTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task ReplyBox_QuickRepliesInTheirLanguage_AreButtonsCarryingTheirText()
    {
        var me = await ConversationSeed.UserAsync(fixture.App, Roles.Operator, "Ana Ruiz");
        var c = await ConversationSeed.ConversationAsync(fixture.App, state: ContactState.WithOperator, takenBy: me.Id);
        var client = await ConsoleClient.SignedInAsync(fixture.App, me.Email, ConsoleSeed.OperatorPassword);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/cases/{c.CaseId}"));

        // The shipped flow's quick replies (flows/national.yaml), in the texter's language, placeholders filled.
        Assert.Contains("aria-label=\"Quick replies in Spanish\"", page);
        Assert.Contains("name=\"quick\" value=\"safety_check\"", page);
        Assert.Contains("data-quick-text=\"¿Todavía puede escribir con seguridad?\"", page);
        Assert.Contains(">Sin prisa</button>", page);
        Assert.Contains(">Llame al 911</button>", page);
        Assert.DoesNotContain("Safe to text?", page);
        Assert.Contains("/js/conversation.js", page);
    }

    [Fact]
    public async Task Reply_QuickReplyAndTypedText_IsRefusedWithTheTextKept()
    {
        var me = await ConversationSeed.UserAsync(fixture.App, Roles.Operator, "Ana Ruiz");
        var c = await ConversationSeed.ConversationAsync(fixture.App, state: ContactState.WithOperator, takenBy: me.Id);
        var client = await ConsoleClient.SignedInAsync(fixture.App, me.Email, ConsoleSeed.OperatorPassword);
        var page = await client.GetStringAsync($"/cases/{c.CaseId}");

        var response = await client.PostAsync(
            $"/cases/{c.CaseId}/conversations/{c.ContactId}/reply",
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = ConsoleClient.TokenIn(page), ["body"] = "Estoy aquí", ["quick"] = "safety_check",
            }));

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("You wrote a reply and chose a quick reply: send one or the other.", html);
        Assert.Contains("Estoy aquí</textarea>", html);
    }
}
