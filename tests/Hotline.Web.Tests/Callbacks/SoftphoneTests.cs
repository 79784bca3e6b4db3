using System.Net;
using System.Text.Json;
using Hotline.Core.Cases;
using Hotline.Web.Data;
using Hotline.Web.Telephony.LiveCalls;
using Hotline.Web.Telephony.Softphone;
using Hotline.Web.Tests.Console;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Web.Tests.Callbacks;

/// <summary>
/// Issue #14, point 6: the browser phone's access tokens (staff only, short-lived, for our TwiML App, under the
/// advocate's identity), the TwiML App's voice URL (a signed webhook that joins only the advocate's own call), and the
/// CSP that lets the SDK reach Twilio on the pages that carry the phone only.
/// </summary>
public class SoftphoneTests(SoftphoneFixture fixture) : IClassFixture<SoftphoneFixture>
{
    private async Task<string> UserIdAsync(string email)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<HotlineUser>>().FindByEmailAsync(email))!.Id;
    }

    [Fact]
    public async Task Token_SignedInAdvocate_IsSignedWithTheApiKey_NamesTheirIdentityAndOurTwimlApp_AndLivesAnHourAtMost()
    {
        var email = await ConsoleSeed.UserAsync(fixture.App, Roles.Operator);
        var advocate = await ConsoleClient.SignedInAsync(fixture.App, email, ConsoleSeed.OperatorPassword);

        var response = await advocate.GetAsync(SoftphoneRoutes.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var claims = AccessTokenClaims.Read(body.GetProperty("token").GetString()!, SoftphoneFixture.ApiKeySecret);
        Assert.Equal(SoftphoneFixture.ApiKeySid, claims.GetProperty("iss").GetString());
        Assert.Equal(TwilioApiMock.AccountSid, claims.GetProperty("sub").GetString());
        var grants = claims.GetProperty("grants");
        var identity = AdvocateIdentity.For(await UserIdAsync(email));
        Assert.Equal(identity, grants.GetProperty("identity").GetString());
        Assert.Equal(identity, body.GetProperty("identity").GetString());
        Assert.Equal(SoftphoneFixture.TwimlAppSid,
            grants.GetProperty("voice").GetProperty("outgoing").GetProperty("application_sid").GetString());
        Assert.True(grants.GetProperty("voice").GetProperty("incoming").GetProperty("allow").GetBoolean());
        var expires = DateTimeOffset.FromUnixTimeSeconds(claims.GetProperty("exp").GetInt64());
        Assert.InRange(expires - fixture.App.Clock.GetUtcNow(), TimeSpan.FromMinutes(5), TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task Token_Anonymous_RedirectedToSignIn()
    {
        var response = await ConsoleClient.Anonymous(fixture.App).GetAsync(SoftphoneRoutes.Token);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Board_CarriesThePhone_WithTheSdkFromOurOrigin_AndACspOpenToTwilioOnlyThere()
    {
        var staff = await ConsoleClient.SignedInAsync(fixture.App, HotlineApp.AdminEmail, HotlineApp.AdminPassword);

        var board = await staff.GetAsync("/");
        var find = await staff.GetAsync("/cases");

        var page = await board.Content.ReadAsStringAsync();
        Assert.Contains("<script src=\"/lib/twilio-voice/twilio.min.js?v=", page);
        Assert.Contains("id=\"softphone\"", page);
        var csp = board.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", csp);
        Assert.Contains("connect-src 'self' wss://*.twilio.com https://*.twilio.com;", csp);
        Assert.Contains("microphone=(self)", board.Headers.GetValues("Permissions-Policy").Single());
        // A page without the phone keeps the console's strict policy and no microphone.
        Assert.Contains("connect-src 'self';", find.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("microphone=()", find.Headers.GetValues("Permissions-Policy").Single());
        var sdk = await staff.GetAsync("/lib/twilio-voice/twilio.min.js");
        Assert.Equal(HttpStatusCode.OK, sdk.StatusCode);
        Assert.Contains("Twilio.Device", await sdk.Content.ReadAsStringAsync());
    }

    private async Task<(Guid ContactId, string Identity)> CallTakenByAsync(string email)
    {
        var userId = await UserIdAsync(email);
        var now = fixture.App.Clock.GetUtcNow();
        var caseId = Guid.NewGuid();
        var contactId = Guid.NewGuid();
        await fixture.App.WithDbAsync(async db =>
        {
            db.Cases.Add(new Case
            {
                Id = caseId, Reference = Hotline.Web.Infrastructure.CaseReferences.New(now), Status = CaseStatus.InProgress,
                FirstChannel = Channel.Voice, FlowId = "national", CreatedAt = now, UpdatedAt = now,
            });
            db.Contacts.Add(new Contact
            {
                Id = contactId, CaseId = caseId, Channel = Channel.Voice, ExternalId = TwilioWebhooks.NewCallSid(), FlowId = "national",
                State = ContactState.WithOperator, StartedAt = now, LastActivityAt = now, AnsweredAt = now, AnsweredBy = userId,
            });
            await db.SaveChangesAsync();
        });
        return (contactId, AdvocateIdentity.For(userId));
    }

    private Task<HttpResponseMessage> BrowserCallsAsync(string identity, Guid contactId, string? signature = null) =>
        new TwilioWebhooks(fixture.App.CreateClient()).PostAsync(SoftphoneRoutes.Voice, new Dictionary<string, string>
        {
            ["CallSid"] = TwilioWebhooks.NewCallSid(), ["AccountSid"] = TwilioApiMock.AccountSid,
            ["ApplicationSid"] = SoftphoneFixture.TwimlAppSid,
            ["From"] = "client:" + identity, ["Caller"] = "client:" + identity, [SoftphoneRoutes.ContactParameter] = contactId.ToString(),
        }, signature);

    [Fact]
    public async Task VoiceUrl_TheAdvocateWhoHasTheCall_JoinsItsConference()
    {
        var (contactId, identity) = await CallTakenByAsync(await ConsoleSeed.UserAsync(fixture.App, Roles.Operator));

        var response = await BrowserCallsAsync(identity, contactId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var twiml = new Twiml(await response.Content.ReadAsStringAsync());
        Assert.True(twiml.Has("Conference"));
        Assert.Contains($">{ConferenceRooms.NameFor(contactId)}</Conference>", twiml.Xml);
    }

    [Fact]
    public async Task VoiceUrl_AnotherAdvocatesBrowser_IsRefused_AndJoinsNothing()
    {
        var (contactId, _) = await CallTakenByAsync(await ConsoleSeed.UserAsync(fixture.App, Roles.Operator));
        var intruder = AdvocateIdentity.For(await UserIdAsync(await ConsoleSeed.UserAsync(fixture.App, Roles.Operator)));

        var response = await BrowserCallsAsync(intruder, contactId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var twiml = new Twiml(await response.Content.ReadAsStringAsync());
        Assert.False(twiml.Has("Conference"));
        Assert.True(twiml.Has("Hangup"));
    }

    [Fact]
    public async Task VoiceUrl_Unsigned_Forbidden()
    {
        var (contactId, identity) = await CallTakenByAsync(await ConsoleSeed.UserAsync(fixture.App, Roles.Operator));

        var response = await BrowserCallsAsync(identity, contactId, signature: "forged");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}

/// <summary>Without an API key and TwiML App the phone says, in words, that it is not set up (and issues nothing).</summary>
public class SoftphoneNotSetUpTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Token_NotSetUp_503SayingWhatAnAdminMustConfigure()
    {
        var staff = await ConsoleClient.SignedInAsync(fixture.App, HotlineApp.AdminEmail, HotlineApp.AdminPassword);

        var response = await staff.GetAsync(SoftphoneRoutes.Token);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("The browser phone is not set up", body);
        Assert.Contains("Twilio:ApiKeySid, Twilio:ApiKeySecret, Twilio:TwimlAppSid", body);
        Assert.DoesNotContain("\"token\"", body);
    }
}
