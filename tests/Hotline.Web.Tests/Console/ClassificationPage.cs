using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hotline.Web.Operators;

namespace Hotline.Web.Tests.Console;

/// <summary>Reads the classification form off a case page and posts it back as a browser would: every field, changed or not.</summary>
public static partial class ClassificationPage
{
    public static string Hidden(string page, string name)
    {
        var match = Regex.Match(page, $"<input type=\"hidden\" name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"");
        Assert.True(match.Success, $"no hidden {name} on the page");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>The form as the page loaded it (from its own snapshot), to change and post.</summary>
    public static ClassificationForm Loaded(string page) =>
        JsonSerializer.Deserialize<ClassificationForm>(Hidden(page, "Classification.Loaded"))!;

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, Guid caseId, string page, ClassificationForm form)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", ConsoleClient.TokenIn(page)),
            new("Classification.Version", Hidden(page, "Classification.Version")),
            new("Classification.Loaded", Hidden(page, "Classification.Loaded")),
            new("Classification.ContactType", form.ContactType?.ToString() ?? ""),
            new("Classification.TraffickingType", form.TraffickingType?.ToString() ?? ""),
            new("Classification.Venue", form.Venue ?? ""),
            new("Classification.Jurisdiction", form.Jurisdiction ?? ""),
            new("Classification.PeopleInvolved", form.PeopleInvolved?.ToString(CultureInfo.InvariantCulture) ?? ""),
            new("Classification.RiskLevel", form.RiskLevel ?? ""),
            new("Classification.Narrative", form.Narrative ?? ""),
            new("Classification.SafetyPlan", form.SafetyPlan ?? ""),
        };
        if (form.ChildInvolved) fields.Add(new("Classification.ChildInvolved", "true"));
        if (form.ImminentDanger) fields.Add(new("Classification.ImminentDanger", "true"));
        fields.AddRange(form.Indicators.Select(i => new KeyValuePair<string, string>("Classification.Indicators", i)));
        fields.AddRange(form.Needs.Select(n => new KeyValuePair<string, string>("Classification.Needs", n)));
        return await client.PostAsync($"/cases/{caseId}/classification", new FormUrlEncodedContent(fields));
    }
}
