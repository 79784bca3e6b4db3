using System.Collections.Concurrent;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Hotline.Web.Tests.Console;

/// <summary>An HttpClient with a cookie jar that signs in through the real sign-in form and posts forms with their anti-forgery
/// token.</summary>
public static partial class ConsoleClient
{
    // Each client's cookie jar, so a sign-in can be handed a session this user opened before.
    private static readonly ConditionalWeakTable<HttpClient, CookieContainer> Jars = new();
    // Sessions of users with a second factor, per app and e-mail (see SignInAsync).
    private static readonly ConcurrentDictionary<(IServiceProvider, string), CookieCollection> Sessions = new();

    /// <summary>A client with a cookie jar that follows no redirects.</summary>
    public static HttpClient Anonymous(HotlineApp app)
    {
        var jar = new CookieContainer();
        var client = app.CreateDefaultClient(new CookieContainerHandler(jar));
        Jars.Add(client, jar);
        return client;
    }

    public static async Task<HttpClient> SignedInAsync(HotlineApp app, string email, string password)
    {
        var client = Anonymous(app);
        await SignInAsync(client, app.Services, email, password);
        return client;
    }

    /// <summary>
    /// The real sign-in form, then the code step when the user has an authenticator or their role needs one
    /// (<see cref="TestTwoFactor"/> enrols them and computes the code). <paramref name="client"/> keeps cookies, no redirects.
    /// A user with a second factor who signed in before is handed that session (checked to still open the board): the
    /// server takes each authenticator code once (TwoFactorCodeOnce), so signing one admin in for every test would wait for
    /// the clock. The code step itself is tested in the TwoFactor tests.
    /// </summary>
    public static async Task SignInAsync(HttpClient client, IServiceProvider services, string email, string password)
    {
        var key = await TestTwoFactor.KeyForSignInAsync(services, email);
        Jars.TryGetValue(client, out var jar);
        if (key is not null && jar is not null && await ResumedAsync(client, jar, (services, email))) return;
        var response = await PostFormAsync(
            client, "/account/sign-in", "/account/sign-in", new() { ["Email"] = email, ["Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        if (key is null) return;
        Assert.Contains("/account/two-factor", response.Headers.Location!.OriginalString);
        response = await PostFormAsync(client, "/account/two-factor", "/account/two-factor", new() { ["Code"] = TestTwoFactor.Code(key) });
        Assert.True(
            response.StatusCode == HttpStatusCode.Redirect && !response.Headers.Location!.OriginalString.Contains("/account/"),
            $"the code step did not sign {email} in: {response.StatusCode} {response.Headers.Location}");
        if (jar is not null) Sessions[(services, email)] = jar.GetAllCookies();
    }

    /// <summary>Puts the user's earlier session in <paramref name="jar"/> when it still opens the board; else empties the jar.</summary>
    private static async Task<bool> ResumedAsync(HttpClient client, CookieContainer jar, (IServiceProvider, string) user)
    {
        if (!Sessions.TryGetValue(user, out var session)) return false;
        foreach (Cookie cookie in session) jar.Add(new Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        using var board = await client.GetAsync("/");
        if (board.StatusCode == HttpStatusCode.OK) return true;
        foreach (Cookie cookie in jar.GetAllCookies()) cookie.Expired = true; // signed out, edited or expired since
        Sessions.TryRemove(user, out _);
        return false;
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
