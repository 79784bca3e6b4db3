using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hotline.Core.Cases;
using Hotline.Core.Referrals;
using Hotline.Web.Jobs;
using Hotline.Web.Referrals;
using Hotline.Web.Tests.Console;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Hotline.Web.Tests.Referrals.ReferralFixture;

namespace Hotline.Web.Tests.Referrals;

public class AgencyLinkTests : IClassFixture<ReferralFixture>
{
    private readonly ReferralFixture _f;

    public AgencyLinkTests(ReferralFixture fixture)
    {
        _f = fixture;
        _f.App.Clock.Set(TestClock.WednesdayAfternoon);
    }

    [Fact]
    public async Task AgencyPage_AcknowledgeWithTheFormFromTheNotifiedLink_RecordsAcknowledgement()
    {
        var (caseRef, referralId) = await DeliveredChildReferralAsync();
        var body = _f.Received($"/agency/{TexasChildProtection}").Select(e => e.RequestMessage!.Body!).Single(b => b.Contains(caseRef));
        var link = new Uri(JsonDocument.Parse(body).RootElement.GetProperty("link").GetString()!);
        var client = Client();

        var page = await client.GetAsync(link.AbsolutePath);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(caseRef, html);
        Assert.Contains(CallerNumber[2..], html); // (Razor encodes the +) child protection gets the full data level
        var form = new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = ConsoleClient.TokenIn(html) });
        var posted = await client.PostAsync(link.AbsolutePath + "/acknowledge", form);

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var referral = await _f.ReferralAsync(referralId);
        Assert.Equal(ReferralStatus.Acknowledged, referral.Status);
        Assert.Equal(TestClock.WednesdayAfternoon, referral.AcknowledgedAt);
        Assert.True(
            await _f.App.WithDbAsync(
            db =>
            db.AuditEntries.AnyAsync(
            a => a.ReferralId == referralId && a.Action == "referral.acknowledged" && a.Actor == $"agency:{TexasChildProtection}")));
    }

    [Fact]
    public async Task AgencyPage_PostWithoutAntiforgeryToken_IsRejected()
    {
        var (_, referralId) = await DeliveredChildReferralAsync();
        var response = await Client().PostAsync($"/agency/referrals/{_f.TokenFor(referralId)}/acknowledge", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ReferralStatus.Delivered, (await _f.ReferralAsync(referralId)).Status);
    }

    [Fact]
    public async Task AgencyApi_AcknowledgeThenAccept_MovesReferralAndTimestampsEachStep()
    {
        var (caseRef, referralId) = await DeliveredChildReferralAsync();
        var token = _f.TokenFor(referralId);
        var client = Client();

        var ack = await client.PostAsync($"/api/agency/referrals/{token}/acknowledge", null);
        _f.App.Clock.Advance(TimeSpan.FromMinutes(2));
        var accept = await client.PostAsync($"/api/agency/referrals/{token}/accept", null);

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accept.StatusCode);
        var answer = await accept.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((caseRef, "Accepted"), (answer.GetProperty("reference").GetString(), answer.GetProperty("status").GetString()));
        var referral = await _f.ReferralAsync(referralId);
        Assert.Equal(TestClock.WednesdayAfternoon, referral.AcknowledgedAt);
        Assert.Equal(TestClock.WednesdayAfternoon.AddMinutes(2), referral.AcceptedAt);
    }

    [Fact]
    public async Task AgencyApi_DeclineWithoutReason_Returns400ProblemAndChangesNothing()
    {
        var (_, referralId) = await DeliveredChildReferralAsync();
        var response = await Client().PostAsJsonAsync($"/api/agency/referrals/{_f.TokenFor(referralId)}/decline", new { reason = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(ReferralStatus.Delivered, (await _f.ReferralAsync(referralId)).Status);
    }

    [Fact]
    public async Task AgencyPage_TokenReusedAfterDecline_IsRefusedWithClearPage()
    {
        var (_, referralId) = await DeliveredChildReferralAsync();
        var token = _f.TokenFor(referralId);
        var client = Client();
        var declined = await client.PostAsJsonAsync($"/api/agency/referrals/{token}/decline", new { reason = "No capacity tonight" });
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);

        var page = await client.GetAsync($"/agency/referrals/{token}");
        var again = await client.PostAsync($"/api/agency/referrals/{token}/accept", null);

        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        Assert.Contains("This referral is closed", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Equal("No capacity tonight", (await _f.ReferralAsync(referralId)).DeclineReason);
    }

    [Fact]
    public async Task AgencyPage_ExpiredToken_IsRefusedWithClearPage()
    {
        var (_, referralId) = await DeliveredChildReferralAsync();
        var token = _f.TokenFor(referralId);
        _f.App.Clock.Advance(AgencyLinks.Lifetime + TimeSpan.FromMinutes(1));

        var page = await Client().GetAsync($"/agency/referrals/{token}");

        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        Assert.Contains("This link has expired", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AgencyPage_TamperedToken_IsRefusedWithClearPage()
    {
        var (_, referralId) = await DeliveredChildReferralAsync();
        var token = _f.TokenFor(referralId);
        var tampered = token[..^4] + (token[^4] == 'A' ? 'B' : 'A') + token[^3..];

        var page = await Client().GetAsync($"/agency/referrals/{tampered}");
        var api = await Client().PostAsync($"/api/agency/referrals/{tampered}/acknowledge", null);

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("This link is not valid", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
    }

    [Fact]
    public async Task AgencyPage_AnonymousDataLevel_ShowsNoIdentity()
    {
        var @case = await _f.NewCaseAsync(c => { c.ConsentToShare = false; c.ContactType = ContactType.Tip; });
        Hotline.Web.Data.Referral? referral = null;
        await _f.RunAsync<ReferralDesk>(async d => referral = await d.SendAsync(@case.Id, FederalPolice, "op-1", "Operator One", default));
        await _f.RunAsync<ReferralDeliveryJob>(j => j.RunAsync(referral!.Id, 0));

        var html = await (await Client().GetAsync($"/agency/referrals/{_f.TokenFor(referral!.Id)}")).Content.ReadAsStringAsync();

        Assert.Contains(@case.Reference, html);
        Assert.DoesNotContain(CallerNumber[2..], html);
        Assert.DoesNotContain(CallerName, html);
        Assert.DoesNotContain("restaurant", html);
    }

    [Theory]
    [InlineData("/admin/agencies")]
    [InlineData("/admin/agencies/new")]
    public async Task AgencyAdmin_Anonymous_IsRedirectedToSignIn(string path)
    {
        var response = await Client().GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location!.ToString());
    }

    [Theory]
    [InlineData("Operator", false)]
    [InlineData("Supervisor", false)]
    [InlineData("Admin", true)]
    public async Task AgencyAdmin_PolicyOnController_AdmitsOnlyAdmins(string role, bool admitted)
    {
        // Asks the authorization service about the controller's policy for each role, without signing in a user of each role.
        var policy = typeof(AgenciesController).GetCustomAttributes(typeof(AuthorizeAttribute), false)
            .Cast<AuthorizeAttribute>().Single().Policy!;
        var user = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Role, role)], "test"));
        var authorization = _f.App.Services.GetRequiredService<IAuthorizationService>();

        var result = await authorization.AuthorizeAsync(user, policy);

        Assert.Equal(admitted, result.Succeeded);
    }

    private HttpClient Client() => ConsoleClient.Anonymous(_f.App);

    private async Task<(string Reference, Guid ReferralId)> DeliveredChildReferralAsync()
    {
        var @case = await _f.NewCaseAsync(c => { c.ChildInvolved = true; c.ContactType = ContactType.Tip; });
        await _f.RunAsync<CasePathway>(p => p.EvaluateAsync(@case.Id, "caller", default));
        var referral = (await _f.ReferralsAsync(@case.Id)).Single(r => r.AgencyId == TexasChildProtection);
        await _f.RunAsync<ReferralDeliveryJob>(j => j.RunAsync(referral.Id, 0));
        return (@case.Reference, referral.Id);
    }
}
