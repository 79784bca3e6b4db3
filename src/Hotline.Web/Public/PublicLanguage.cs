using Hotline.Core.Flows;
using Microsoft.Net.Http.Headers;

namespace Hotline.Web.Public;

/// <summary>
/// The language of a public page: the one the visitor chose (a link or the form's field), else the best of the
/// browser's Accept-Language the flow speaks, else the flow's default. Nothing is remembered on the device.
/// </summary>
public static class PublicLanguage
{
    public static string Choose(Flow flow, string? chosen, HttpRequest request)
    {
        if (chosen is not null && flow.Languages.Contains(chosen, StringComparer.Ordinal)) return chosen;
        IList<StringWithQualityHeaderValue> accepted;
        try
        {
            accepted = request.GetTypedHeaders().AcceptLanguage;
        }
        catch (FormatException)
        {
            return flow.DefaultLanguage; // a malformed header is nobody's preference
        }
        foreach (var tag in accepted.Where(a => a.Quality is null or > 0).OrderByDescending(a => a.Quality ?? 1))
        {
            var primary = (tag.Value.Value ?? "").Split('-')[0].ToLowerInvariant();
            if (flow.Languages.Contains(primary, StringComparer.Ordinal)) return primary;
        }
        return flow.DefaultLanguage;
    }
}
