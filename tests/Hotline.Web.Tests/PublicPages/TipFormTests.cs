using System.Net;
using System.Text;
using Hotline.Core.Cases;
using Hotline.Core.Referrals;
using Hotline.Web.Data;
using Hotline.Web.Jobs;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Tests.PublicPages;

public class TipFormTests(TipFixture fixture) : IClassFixture<TipFixture>
{
    private readonly TipClient _visitor = new(fixture.App);

    private Task<int> CaseCountAsync() => fixture.App.WithDbAsync(db => db.Cases.CountAsync());

    /// <summary>The web transcript row holding these words (bodies are encrypted, so they are compared after reading).</summary>
    private async Task<ConversationMessage> MessageWithAsync(string words)
    {
        var messages = await fixture.App.WithDbAsync(
            db => db.ConversationMessages.AsNoTracking().Where(m => m.Channel == Channel.Web).ToListAsync());
        return messages.Single(m => m.Body!.Contains(words));
    }

    [Fact]
    public async Task Tip_NamingAMinor_PathwayCreatesMandatoryReferralsWithoutConsent()
    {
        var what = "A girl of 15 works nights at the nail salon on Main Street and never goes to school. " + Guid.NewGuid();
        var response = await _visitor.SendAsync([new("what", what), new("child", "yes"), new("jurisdiction", "TX")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var caseId = (await MessageWithAsync(what)).CaseId;

        // The tip handed its case to the pathway as intake does: an IntakeEndedJob in the job store, run here as Hangfire would.
        var enqueued = await TestPostgres.CountEventuallyAsync(fixture.ConnectionString,
            "SELECT count(*) FROM hangfire.job WHERE invocationdata::text LIKE '%IntakeEndedJob%' "
            + $"AND arguments::text LIKE '%{caseId}%'", 1);
        Assert.Equal(1L, enqueued);
        await fixture.App.RunAsync<IntakeEndedJob>(job => job.RunAsync(caseId, CancellationToken.None));

        var referrals = await fixture.App.WithDbAsync(
            db => db.Referrals.Include(r => r.Agency).Where(r => r.CaseId == caseId).ToListAsync());
        Assert.Contains(referrals, r => r.Agency.Type == AgencyType.ChildProtection && r.Mandatory
                                        && r.ConsentBasis == ConsentBasis.MandatoryNoConsentNeeded);
        Assert.Contains(referrals, r => r.Agency.Type == AgencyType.Police && r.Mandatory);
    }

    [Fact]
    public async Task Tip_Received_IsATipCaseInTriageWithAWebContactAndTheWordsInTheTranscript()
    {
        var what = "My cousin's boss keeps her passport. " + Guid.NewGuid();
        var response = await _visitor.SendAsync([
            new("what", what), new("place", "The farm past the river"), new("when", "Since June"), new("child", "not_sure"),
            new("signs", "passport"), new("signs", "debt"), new("signs", "not-a-sign"), new("phone", "+1 312 555 0188"),
            new("safe_time", "morning"), new("safe_way", "Text first"), new("unknown_field", "ignored"),
        ], language: "es");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/tip/thanks?lang=es", response.Headers.Location!.ToString());

        var message = await MessageWithAsync(what);
        Assert.Equal(
            (MessageAuthor.Texter, MessageDirection.Inbound, MessageStatus.Received), (message.Author, message.Direction, message.Status));
        Assert.Contains("The farm past the river", message.Body);
        Assert.Contains("Someone keeps their passport or ID", message.Body);
        var @case = await fixture.App.WithDbAsync(
            db => db.Cases.Include(c => c.Contacts).AsNoTracking().SingleAsync(c => c.Id == message.CaseId));
        Assert.Equal(ContactType.Tip, @case.ContactType);
        Assert.Equal(CaseStatus.AwaitingTriage, @case.Status);
        Assert.Equal(Channel.Web, @case.FirstChannel);
        Assert.Equal("es", @case.Language);
        Assert.Null(@case.ChildInvolved); // "not sure" stays unknown, never a no
        Assert.Equal(["coercion-documents", "coercion-debt"], @case.Indicators);
        Assert.Equal("+13125550188", @case.CallerNumber);
        Assert.NotNull(@case.CallerHash);
        Assert.Equal((true, "morning", false), (@case.CallbackAllowed, @case.CallbackWindow, @case.VoicemailAllowed));
        Assert.NotNull(@case.CallbackDueAt);
        Assert.Equal("Text first", @case.SafeContactInstructions);
        var contact = Assert.Single(@case.Contacts);
        Assert.Equal((Channel.Web, ContactState.Completed), (contact.Channel, contact.State));
        Assert.StartsWith("tip:", contact.ExternalId);
        Assert.Equal(contact.Id, message.ContactId);
        // Advocates read the tip where they read texts: the case page's conversation, with no reply box (nobody to answer).
        var advocate = await Console.ConsoleClient.SignedInAsync(fixture.App, HotlineApp.AdminEmail, HotlineApp.AdminPassword);
        var casePage = WebUtility.HtmlDecode(await advocate.GetStringAsync($"/cases/{@case.Id}"));
        Assert.Contains(what, casePage);
        Assert.Contains("Web tip form conversation", casePage);
        Assert.DoesNotContain("Reply by", casePage);
        // The number is encrypted at rest like every caller's.
        var stored = await TestPostgres.ScalarAsync<string>(
            fixture.ConnectionString, $"SELECT \"CallerNumber\" FROM cases WHERE \"Id\" = '{@case.Id}'");
        Assert.DoesNotContain("5550188", stored);
    }

    [Fact]
    public async Task Tip_WithoutWhatHappened_ComesBackInSpanishWithEverythingTypedStillThere()
    {
        var response = await _visitor.SendAsync(
            [new("what", ""), new("place", "Cerca del mercado de Pharr"), new("phone", "12345"), new("signs", "hurt"), new("child", "no")],
            language: "es");
        var page = await TipClient.TextOf(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<html lang=\"es\">", page);
        Assert.Contains("Cuéntenos qué pasó.", page);
        Assert.Contains("Esto no parece un número de teléfono.", page);
        Assert.Contains("Cerca del mercado de Pharr", page);
        Assert.Contains("value=\"12345\"", page);
        Assert.Matches("value=\"hurt\"[^>]*checked", page);
        Assert.Matches("value=\"no\"[^>]*checked", page);
    }

    [Fact]
    public async Task Tip_WhatHappenedTooLong_ComesBackWithTheLimitAndTheTextKept()
    {
        var what = new string('a', 5001);
        var response = await _visitor.SendAsync([new("what", what)]);
        var page = await TipClient.TextOf(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("This answer is too long: at most 5,000 characters.", page);
        Assert.Contains(what, page);
    }

    [Fact]
    public async Task Tip_HoneypotFilled_AnswersAsReceivedAndStoresNothing()
    {
        var before = await CaseCountAsync();
        var response = await _visitor.SendAsync([new("what", "Cheap watches here"), new("website", "http://spam.example")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/tip/thanks", response.Headers.Location!.ToString());
        Assert.Equal(before, await CaseCountAsync());
    }

    [Fact]
    public async Task Tip_SentTooFast_ComesBackAskingToCheckAndSendAgain_StoresNothing()
    {
        var before = await CaseCountAsync();
        var response = await _visitor.SendAsync([new("what", "Sent by a script")], typing: TimeSpan.FromSeconds(1));
        var page = await TipClient.TextOf(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Please check your report and send it again.", page);
        Assert.Contains("Sent by a script", page);
        Assert.Equal(before, await CaseCountAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("1700000000.bm90LWEtc2lnbmF0dXJl")]
    [InlineData("garbage")]
    public async Task Tip_WithoutAValidStamp_IsRefused(string stamp)
    {
        var before = await CaseCountAsync();
        fixture.App.Clock.Advance(TimeSpan.FromMinutes(1));
        var response = await _visitor.PostAsync([new("lang", "en"), new("stamp", stamp), new("what", "No stamp")]);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Please check your report and send it again.", await TipClient.TextOf(response));
        Assert.Equal(before, await CaseCountAsync());
    }

    [Fact]
    public async Task Tip_OneHundredKilobytesOfJunk_NeverA500()
    {
        var junk = new byte[100 * 1024];
        new Random(13).NextBytes(junk);
        var attempts = new List<HttpContent>
        {
            Content(junk, "application/x-www-form-urlencoded"),
            Content(junk, "application/json"),
            Content(junk, "multipart/form-data; boundary=xyz"),
            Content(junk, null),
            // A form-shaped body: huge values, broken UTF-8 escapes, many unknown fields.
            Content(Encoding.ASCII.GetBytes("what=" + string.Concat(Enumerable.Repeat("%C3%28%FF", 11_000)) + "&stamp=x"),
                "application/x-www-form-urlencoded"),
            Content(Encoding.ASCII.GetBytes(string.Join("&", Enumerable.Range(0, 5000).Select(i => $"f{i}=%E2%82"))),
                "application/x-www-form-urlencoded"),
        };
        foreach (var content in attempts)
        {
            var response = await _visitor.Http.PostAsync("/tip", content);
            var status = (int)response.StatusCode;
            Assert.True(status is >= 400 and < 500, $"{content.Headers.ContentType}: {status}");
            Assert.Contains("<form", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Tip_BrokenUtf8WithinTheLimits_ComesBackOrIsReceived_NeverA500()
    {
        var stamp = await _visitor.OpenFormAsync();
        fixture.App.Clock.Advance(TimeSpan.FromMinutes(1));
        var body = Encoding.ASCII.GetBytes($"lang=en&stamp={Uri.EscapeDataString(stamp)}&what=caf%C3%28%FF%FE&when=%E2%82&place=%");
        var response = await _visitor.Http.PostAsync("/tip", Content(body, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task TipPages_GetAndPost_SetNoCookie()
    {
        var get = await _visitor.Http.GetAsync("/tip");
        var invalid = await _visitor.SendAsync([new("what", "")]);
        var received = await _visitor.SendAsync([new("what", "A cookie test tip")]);
        var thanks = await _visitor.Http.GetAsync(received.Headers.Location);
        foreach (var response in new[] { get, invalid, received, thanks })
        {
            var request = response.RequestMessage!;
            Assert.False(response.Headers.Contains("Set-Cookie"), $"{request.Method} {request.RequestUri}");
        }
        Assert.Equal(HttpStatusCode.OK, thanks.StatusCode);
    }

    [Fact]
    public async Task TipPages_ContentSecurityPolicy_IsStrict()
    {
        foreach (var path in new[] { "/tip", "/tip/thanks" })
        {
            var response = await _visitor.Http.GetAsync(path);
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("default-src 'none'", csp);
            Assert.Contains("script-src 'self'", csp);
            Assert.Contains("style-src 'self'", csp);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.DoesNotContain("unsafe", csp);
            Assert.DoesNotContain("http", csp);
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
            var page = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("<script>", page);
            Assert.DoesNotContain("style=", page);
        }
    }

    [Fact]
    public async Task TipForm_Languages_FollowTheBrowserUnlessChosen()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/tip");
        request.Headers.AcceptLanguage.ParseAdd("es-MX,es;q=0.9,en;q=0.5");
        var page = await TipClient.TextOf(await _visitor.Http.SendAsync(request));
        Assert.Contains("<html lang=\"es\">", page);
        Assert.Contains("Salir de esta página ya", page);
        Assert.Contains(TipFixture.QuickExitUrl, page);

        var chosen = new HttpRequestMessage(HttpMethod.Get, "/tip?lang=en");
        chosen.Headers.AcceptLanguage.ParseAdd("es");
        Assert.Contains("<html lang=\"en\">", await TipClient.TextOf(await _visitor.Http.SendAsync(chosen)));
    }

    private static ByteArrayContent Content(byte[] body, string? contentType)
    {
        var content = new ByteArrayContent(body);
        if (contentType is not null) content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }
}
