using System.Net;
using System.Text;
using Hotline.Web.Conversations;
using Hotline.Web.Tests.Console;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Hotline.Web.Tests.Conversations;

/// <summary>
/// Issue #12, point 4: a texter's photos and voice notes are shown only to signed-in staff, fetched by the service
/// with the Twilio account's credentials (WireMock stands in for Twilio's API and its media CDN).
/// </summary>
public class MediaProxyTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly byte[] Photo = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4, 5, 6, 7, 8];
    private readonly TwilioWebhooks _twilio = new(fixture.App.CreateClient());

    /// <summary>A texter sends one message with these media; returns its case, its transcript row and the stored links.</summary>
    private async Task<(Guid CaseId, Guid MessageId, string[] Urls)> TextWithMediaAsync(string sender, params string[] contentTypes)
    {
        var urls = contentTypes.Select(_ => TexterMessages.TwilioMediaUrl("ME" + Guid.NewGuid().ToString("N"))).ToArray();
        var sid = TwilioWebhooks.NewMessageSid();
        await TexterMessages.SendAsync(_twilio, sender, "look at this", sid, media: [.. urls.Zip(contentTypes)]);
        var caseId = await Transcripts.CaseOfAsync(fixture.App, sid);
        var row = (await Transcripts.OfCaseAsync(fixture.App, caseId)).Single(m => m.MessageSid == sid);
        return (caseId, row.Id, urls);
    }

    private static string PathOf(string url) => new Uri(url).AbsolutePath;

    private void ServeMedia(string url, byte[] body, string contentType) =>
        fixture.Twilio.Server.Given(Request.Create().WithPath(PathOf(url)).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", contentType).WithBody(body));

    private static string ExpectedBasicAuth() =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TwilioApiMock.AccountSid}:{HotlineApp.AuthToken}"));

    private Task<HttpClient> StaffAsync() => ConsoleClient.SignedInAsync(fixture.App, HotlineApp.AdminEmail, HotlineApp.AdminPassword);

    [Fact]
    public async Task SignedInStaff_GetsThePhoto_FetchedWithTheAccountsBasicAuth_NotCached_AndAudited()
    {
        var (caseId, messageId, urls) = await TextWithMediaAsync("+15550307001", "image/jpeg");
        ServeMedia(urls[0], Photo, "image/jpeg");
        var staff = await StaffAsync();

        var response = await staff.GetAsync($"/cases/{caseId}/messages/{messageId}/media/0");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Photo, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var fetch = fixture.Twilio.Server.LogEntries.Last(e => e.RequestMessage!.Path == PathOf(urls[0]));
        Assert.Equal(ExpectedBasicAuth(), fetch.RequestMessage!.Headers!["Authorization"].Single());
        Assert.True(await fixture.App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.CaseId == caseId && a.Action == "media.view")));
    }

    [Fact]
    public async Task TwilioRedirectToItsCdn_IsFollowed_WithoutSendingTheCredentialsThere()
    {
        var (caseId, messageId, urls) = await TextWithMediaAsync("+15550307002", "audio/ogg");
        var cdnPath = $"/cdn/{Guid.NewGuid():N}";
        fixture.Twilio.Server.Given(Request.Create().WithPath(PathOf(urls[0])).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(307).WithHeader("Location", $"https://media.twiliocdn.com{cdnPath}?sig=x"));
        ServeMedia("https://media.twiliocdn.com" + cdnPath, Photo, "audio/ogg");
        var staff = await StaffAsync();

        var response = await staff.GetAsync($"/cases/{caseId}/messages/{messageId}/media/0");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Photo, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType); // a voice note plays in the page
        var atCdn = fixture.Twilio.Server.LogEntries.Last(e => e.RequestMessage!.Path == cdnPath).RequestMessage!;
        Assert.False(atCdn.Headers!.ContainsKey("Authorization")); // the account's secret goes to Twilio's API only
        Assert.Null(response.Headers.Location); // the browser is never sent to the CDN link either
    }

    [Fact]
    public async Task RedirectToAnUnknownHost_IsRefusedWith502_AndNotFollowed()
    {
        var (caseId, messageId, urls) = await TextWithMediaAsync("+15550307003", "image/png");
        var evilPath = $"/evil/{Guid.NewGuid():N}";
        fixture.Twilio.Server.Given(Request.Create().WithPath(PathOf(urls[0])).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", $"https://attacker.example{evilPath}"));
        var staff = await StaffAsync();

        var response = await staff.GetAsync($"/cases/{caseId}/messages/{messageId}/media/0");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.DoesNotContain(fixture.Twilio.Server.LogEntries, e => e.RequestMessage!.Path == evilPath);
    }

    [Fact]
    public async Task DocumentMedia_IsAnAttachment_NotShownInline()
    {
        var (caseId, messageId, urls) = await TextWithMediaAsync("+15550307004", "application/pdf");
        ServeMedia(urls[0], Encoding.ASCII.GetBytes("%PDF-1.4"), "application/pdf");
        var staff = await StaffAsync();

        var response = await staff.GetAsync($"/cases/{caseId}/messages/{messageId}/media/0");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
    }

    [Fact]
    public async Task Anonymous_IsSentToSignIn_AndTwilioIsNeverAsked()
    {
        var (caseId, messageId, urls) = await TextWithMediaAsync("+15550307005", "image/jpeg");
        ServeMedia(urls[0], Photo, "image/jpeg");

        var response = await ConsoleClient.Anonymous(fixture.App).GetAsync($"/cases/{caseId}/messages/{messageId}/media/0");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Twilio.Server.LogEntries, e => e.RequestMessage!.Path == PathOf(urls[0]));
    }

    [Fact]
    public async Task MessageOfAnotherCase_OrNoSuchMedia_IsNotFound()
    {
        var (caseId, messageId, urls) = await TextWithMediaAsync("+15550307006", "image/jpeg");
        var (otherCase, _, _) = await TextWithMediaAsync("+15550307007", "image/jpeg");
        ServeMedia(urls[0], Photo, "image/jpeg");
        var staff = await StaffAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/cases/{otherCase}/messages/{messageId}/media/0")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/cases/{caseId}/messages/{messageId}/media/1")).StatusCode);
        Assert.DoesNotContain(fixture.Twilio.Server.LogEntries, e => e.RequestMessage!.Path == PathOf(urls[0]));
    }

    [Fact]
    public async Task TwilioFailing_IsAClear502Problem_NeverA500_AndNamesNoLink()
    {
        var (caseId, messageId, urls) = await TextWithMediaAsync("+15550307008", "image/jpeg");
        fixture.Twilio.Server.Given(Request.Create().WithPath(PathOf(urls[0])).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(500).WithBody("{\"code\":20500}"));
        var staff = await StaffAsync();

        var response = await staff.GetAsync($"/cases/{caseId}/messages/{messageId}/media/0");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadAsStringAsync();
        Assert.Contains("Twilio", problem);
        Assert.DoesNotContain("twilio.com", problem, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(TwilioApiMock.AccountSid, problem);
    }

    [Fact]
    public async Task MediaOverTheSizeCap_WithoutALength_IsCutOffAtTheCap()
    {
        var (caseId, messageId, urls) = await TextWithMediaAsync("+15550307011", "video/mp4");
        ServeMedia(urls[0], new byte[TwilioMediaFetcher.MaxBytes + 1], "video/mp4"); // WireMock sends it chunked
        var staff = await StaffAsync();

        // The answer has begun when the cap is passed: the relay stops and the browser gets a broken response, not the media.
        await Assert.ThrowsAsync<HttpRequestException>(() => staff.GetAsync($"/cases/{caseId}/messages/{messageId}/media/0"));
    }

    [Fact]
    public async Task StoredMediaLink_IsNeverRenderedToTheBrowser()
    {
        var (caseId, messageId, urls) = await TextWithMediaAsync("+15550307009", "image/jpeg");
        ServeMedia(urls[0], Photo, "image/jpeg");
        var staff = await StaffAsync();
        await staff.GetAsync($"/cases/{caseId}/messages/{messageId}/media/0"); // an audited view, so the audit page has a row

        // Every page that shows this case or its audit trail: none carries Twilio's link, or any part of it.
        var mediaSid = urls[0][(urls[0].LastIndexOf('/') + 1)..];
        foreach (var page in new[] { $"/cases/{caseId}", $"/audit?caseId={caseId}", "/audit", "/" })
        {
            var html = await staff.GetStringAsync(page);
            Assert.DoesNotContain("twilio.com", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(mediaSid, html);
        }
        var stored = await fixture.App.WithDbAsync(
            db => db.ConversationMessages.Where(m => m.Id == messageId).Select(m => m.MediaJson).SingleAsync());
        Assert.Contains(mediaSid, stored); // kept as a reference in the database, and only there
    }
}
