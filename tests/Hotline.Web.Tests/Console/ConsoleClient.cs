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
        var response = await PostFormAsync(
            client, "/account/sign-in", "/account/sign-in", new() { ["Email"] = email, ["Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
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
