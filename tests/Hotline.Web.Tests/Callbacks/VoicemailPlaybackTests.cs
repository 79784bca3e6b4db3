using System.Net;
using System.Text;
using Hotline.Core.Cases;
using Hotline.Web.Data;
using Hotline.Web.Tests.Console;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Hotline.Web.Tests.Callbacks;

/// <summary>
/// Issue #14, point 8: a caller's voicemail plays in the case page through the service, which fetches it from Twilio
/// with the account's credentials (WireMock stands in for Twilio's API), for signed-in staff only, each listen audited.
/// </summary>
public class VoicemailPlaybackTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly byte[] Mp3 = [0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 1, 2, 3];

    private async Task<(Guid CaseId, Guid ContactId, string RecordingPath)> VoicemailAsync()
    {
        var now = fixture.App.Clock.GetUtcNow();
        var recordingSid = "RE" + Guid.NewGuid().ToString("N");
        var recordingPath = $"/2010-04-01/Accounts/{TwilioApiMock.AccountSid}/Recordings/{recordingSid}";
        var @case = new Case
        {
            Id = Guid.NewGuid(), Reference = Hotline.Web.Infrastructure.CaseReferences.New(now), Status = CaseStatus.AwaitingTriage,
            FirstChannel = Channel.Voice, FlowId = "national", CreatedAt = now, UpdatedAt = now, TriageDueAt = now + TimeSpan.FromHours(1),
        };
        var contact = new Contact
        {
            Id = Guid.NewGuid(), CaseId = @case.Id, Channel = Channel.Voice, ExternalId = TwilioWebhooks.NewCallSid(), FlowId = "national",
            State = ContactState.Completed, StartedAt = now, LastActivityAt = now, EndedAt = now, RecordingSid = recordingSid,
            RecordingUrl = "https://api.twilio.com" + recordingPath, RecordingSeconds = 12,
        };
        await fixture.App.WithDbAsync(async db =>
        {
            db.Cases.Add(@case);
            db.Contacts.Add(contact);
            await db.SaveChangesAsync();
        });
        fixture.Twilio.Server.Given(Request.Create().WithPath(recordingPath + ".mp3").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "audio/mpeg").WithBody(Mp3));
        return (@case.Id, contact.Id, recordingPath);
    }

    private Task<int> ListensAsync(Guid caseId) =>
        fixture.App.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.CaseId == caseId && a.Action == "voicemail.listen"));

    [Fact]
    public async Task CasePage_Voicemail_PlaysThroughTheServiceInAnAudioElement_NeverTwiliosLink()
    {
        var (caseId, contactId, _) = await VoicemailAsync();
        var staff = await ConsoleClient.SignedInAsync(fixture.App, HotlineApp.AdminEmail, HotlineApp.AdminPassword);

        var page = await staff.GetStringAsync($"/cases/{caseId}");

        Assert.Contains(
            $"<audio class=\"voicemail\" controls preload=\"none\" src=\"/cases/{caseId}/contacts/{contactId}/recording\">", page);
        Assert.DoesNotContain("api.twilio.com", page);
        Assert.Equal(0, await ListensAsync(caseId)); // opening the page is not listening (preload="none")
    }

    [Fact]
    public async Task Listen_SignedInStaff_StreamsTheMp3FetchedWithTheAccountsCredentials_NotCached_AndAudited()
    {
        var (caseId, contactId, recordingPath) = await VoicemailAsync();
        var staff = await ConsoleClient.SignedInAsync(fixture.App, HotlineApp.AdminEmail, HotlineApp.AdminPassword);

        var response = await staff.GetAsync($"/cases/{caseId}/contacts/{contactId}/recording");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Mp3, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("audio/mpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        var fetch = fixture.Twilio.Server.LogEntries.Last(e => e.RequestMessage!.Path == recordingPath + ".mp3").RequestMessage!;
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TwilioApiMock.AccountSid}:{HotlineApp.AuthToken}")),
            fetch.Headers!["Authorization"].Single());
        Assert.Equal(1, await ListensAsync(caseId));
        await staff.GetAsync($"/cases/{caseId}/contacts/{contactId}/recording");
        Assert.Equal(2, await ListensAsync(caseId)); // each listen
    }

    [Fact]
    public async Task Listen_Anonymous_RedirectedToSignIn_AndNothingFetched()
    {
        var (caseId, contactId, recordingPath) = await VoicemailAsync();

        var response = await ConsoleClient.Anonymous(fixture.App).GetAsync($"/cases/{caseId}/contacts/{contactId}/recording");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location!.ToString());
        Assert.DoesNotContain(fixture.Twilio.Server.LogEntries,
            e => e.RequestMessage!.Path.StartsWith(recordingPath, StringComparison.Ordinal));
        Assert.Equal(0, await ListensAsync(caseId));
    }

    [Fact]
    public async Task Listen_ContactOfAnotherCase_NotFound()
    {
        var (_, contactId, _) = await VoicemailAsync();
        var (otherCase, _, _) = await VoicemailAsync();
        var staff = await ConsoleClient.SignedInAsync(fixture.App, HotlineApp.AdminEmail, HotlineApp.AdminPassword);

        var response = await staff.GetAsync($"/cases/{otherCase}/contacts/{contactId}/recording");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
