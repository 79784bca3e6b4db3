using System.Net;
using System.Text.RegularExpressions;
using Hotline.Web.Tests.Console;
using Hotline.Web.Tests.Infrastructure;
using OtpNet;

namespace Hotline.Web.Tests.TwoFactor;

/// <summary>What a person does on the two-factor pages, over HTTP: read the key the page shows, type codes.</summary>
public static partial class TwoFactorPages
{
    public const string Enrol = "/account/two-factor/enrol";
    public const string Code = "/account/two-factor";

    /// <summary>The password step alone (no code): the response tells where the form sent us.</summary>
    public static async Task<(HttpClient Client, HttpResponseMessage Response)> PasswordOnlyAsync(
        HotlineApp app, string email, string password = ConsoleSeed.OperatorPassword)
    {
        var client = ConsoleClient.Anonymous(app);
        var response = await ConsoleClient.PostFormAsync(
            client, "/account/sign-in", "/account/sign-in", new() { ["Email"] = email, ["Password"] = password });
        return (client, response);
    }

    /// <summary>Enrols the signed-in user of <paramref name="client"/> on the page: the key as shown, a code computed from it.</summary>
    public static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnrolAsync(HttpClient client)
    {
        var page = await client.GetStringAsync(Enrol);
        var key = KeyOn(page);
        var done = await ConsoleClient.PostFormAsync(client, Enrol, Enrol, new() { ["Code"] = TestTwoFactor.Code(key) });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var codes = RecoveryCodesOn(await done.Content.ReadAsStringAsync());
        return (key, codes);
    }

    public static string KeyOn(string page)
    {
        var match = Key().Match(page);
        Assert.True(match.Success, "no key on the enrolment page: " + page[..Math.Min(page.Length, 2000)]);
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public static IReadOnlyList<string> RecoveryCodesOn(string page) =>
        [.. RecoveryCode().Matches(page).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];

    /// <summary>A 6-digit code the authenticator does not show in the ±90 s the server accepts.</summary>
    public static string WrongCode(string key)
    {
        var totp = new Totp(Base32Encoding.ToBytes(key.Replace(" ", "").ToUpperInvariant()));
        var now = DateTime.UtcNow;
        var accepted = Enumerable.Range(-4, 9).Select(i => totp.ComputeTotp(now.AddSeconds(30 * i))).ToHashSet();
        return Enumerable.Range(0, 10).Select(d => new string((char)('0' + d), 6)).First(c => !accepted.Contains(c));
    }

    [GeneratedRegex("id=\"authenticator-key\">([^<]+)<")]
    private static partial Regex Key();

    [GeneratedRegex("<li><code>([^<]+)</code></li>")]
    private static partial Regex RecoveryCode();
}
