using System.Net;
using System.Text.RegularExpressions;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Hotline.Web.Tests.PublicPages;

/// <summary>A visitor of /tip without a browser: opens the form, waits as a person would, and posts it.</summary>
public sealed partial class TipClient(HotlineApp app)
{
    public HttpClient Http { get; } =
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>The form's signed stamp, as served with the page.</summary>
    public async Task<string> OpenFormAsync(string language = "en")
    {
        var page = await Http.GetStringAsync($"/tip?lang={language}");
        return Stamp().Match(page).Groups[1].Value;
    }

    /// <summary>Opens the form, lets <paramref name="typing"/> pass on the app's clock, and posts the fields.</summary>
    public async Task<HttpResponseMessage> SendAsync(
        IEnumerable<KeyValuePair<string, string>> fields, string language = "en", TimeSpan? typing = null)
    {
        var stamp = await OpenFormAsync(language);
        app.Clock.Advance(typing ?? TimeSpan.FromSeconds(40));
        return await PostAsync([new("lang", language), new("stamp", stamp), .. fields]);
    }

    public Task<HttpResponseMessage> PostAsync(IEnumerable<KeyValuePair<string, string>> fields) =>
        Http.PostAsync("/tip", new FormUrlEncodedContent(fields));

    public static async Task<string> TextOf(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [GeneratedRegex("name=\"stamp\" value=\"([^\"]+)\"")]
    private static partial Regex Stamp();
}
