using System.Net;
using Hotline.Web.Data;
using Hotline.Web.Operators.Conversations;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hotline.Web.Tests.Console;

/// <summary>The app with quick replies in Spanish and English, as the flow file will give them.</summary>
public sealed class QuickReplyFixture : AppFixture
{
    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.RemoveAll<IQuickReplies>();
        services.AddSingleton<IQuickReplies, TwoQuickReplies>();
    }

    private sealed class TwoQuickReplies : IQuickReplies
    {
        private static readonly QuickReply[] Spanish =
        [
            new("safe", "¿Es seguro escribir?", "¿Todavía es seguro escribirte?"),
            new("later", "Más tarde", "¿Te escribimos más tarde?"),
        ];

        private static readonly QuickReply[] English = [new("safe", "Still safe?", "Is it still safe to text?")];

        public IReadOnlyList<QuickReply> For(string language) => language == "es" ? Spanish : English;
    }
}

/// <summary>Quick replies: buttons in the person's language that fill the box (with script) or post their id (without).</summary>
public class ConversationQuickReplyTests(QuickReplyFixture fixture) : IClassFixture<QuickReplyFixture>
{
    [Fact]
    public async Task ReplyBox_QuickRepliesInTheirLanguage_AreButtonsCarryingTheirText()
    {
        var me = await ConversationSeed.UserAsync(fixture.App, Roles.Operator, "Ana Ruiz");
        var c = await ConversationSeed.ConversationAsync(fixture.App, state: ContactState.WithOperator, takenBy: me.Id);
        var client = await ConsoleClient.SignedInAsync(fixture.App, me.Email, ConsoleSeed.OperatorPassword);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/cases/{c.CaseId}"));

        Assert.Contains("aria-label=\"Quick replies in Spanish\"", page);
        Assert.Contains("name=\"quick\" value=\"safe\"", page);
        Assert.Contains("data-quick-text=\"¿Todavía es seguro escribirte?\"", page);
        Assert.Contains(">Más tarde</button>", page);
        Assert.DoesNotContain("Still safe?", page);
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
                ["__RequestVerificationToken"] = ConsoleClient.TokenIn(page), ["body"] = "Estoy aquí", ["quick"] = "safe",
            }));

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("You wrote a reply and chose a quick reply: send one or the other.", html);
        Assert.Contains("Estoy aquí</textarea>", html);
    }
}
