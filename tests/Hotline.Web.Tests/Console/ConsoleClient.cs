using System.Net;
using System.Text.RegularExpressions;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Hotline.Web.Tests.Console;

/// <summary>An HttpClient with a cookie jar that signs in through the real sign-in form and posts forms with their anti-forgery
/// token.</summary>
public static partial class ConsoleClient
{
    public static HttpClient Anonymous(HotlineApp app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<HttpClient> SignedInAsync(HotlineApp app, string email, string password)
    {
        var client = Anonymous(app);
        await SignInAsync(client, app.Services, email, password);
        return client;
    }

    /// <summary>
    /// The real sign-in form, then the code step when the user has an authenticator or their role needs one
    /// (<see cref="TestTwoFactor"/> enrols them and computes the code). <paramref name="client"/> keeps cookies, no redirects.
    /// </summary>
    public static async Task SignInAsync(HttpClient client, IServiceProvider services, string email, string password)
    {
        var key = await TestTwoFactor.KeyForSignInAsync(services, email);
        var response = await PostFormAsync(
            client, "/account/sign-in", "/account/sign-in", new() { ["Email"] = email, ["Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        if (key is null) return;
        Assert.Contains("/account/two-factor", response.Headers.Location!.OriginalString);
        response = await PostFormAsync(client, "/account/two-factor", "/account/two-factor", new() { ["Code"] = TestTwoFactor.Code(key) });
        Assert.True(
            response.StatusCode == HttpStatusCode.Redirect && !response.Headers.Location!.OriginalString.Contains("/account/"),
            $"the code step did not sign {email} in: {response.StatusCode} {response.Headers.Location}");
    }

    /// <summary>Reads the token from <paramref name="formPage"/> and posts the form to <paramref name="action"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(
        HttpClient client, string formPage, string action, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(formPage);
        var token = Token().Match(page);
        Assert.True(token.Success, $"no anti-forgery token on {formPage}: {page[..Math.Min(page.Length, 3000)]}");
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    public static string TokenIn(string page) => WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value);

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
