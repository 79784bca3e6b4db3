using Hotline.Core.Reports;

namespace Hotline.Web.Reports;

/// <summary>The indicators page: the report, the jurisdictions to pick from, and what was wrong with the request, if anything.</summary>
public sealed record IndicatorsPage(IndicatorReport Report, IReadOnlyList<string> Jurisdictions, string? Error, bool MayExportResearch)
{
    /// <summary>The query string that reproduces this report (for the download links).</summary>
    public string Query =>
        $"?from={IndicatorExports.Day(Report.From)}&to={IndicatorExports.Day(Report.To)}" +
        (Report.Jurisdiction is { } j ? "&jurisdiction=" + Uri.EscapeDataString(j) : "");

    /// <summary>Null or blank: all jurisdictions; a code of the directory (case ignored): that code; anything else: an error.</summary>
    public static (string? Jurisdiction, string? Error) Scope(string? asked, IReadOnlyList<string> known)
    {
        if (string.IsNullOrWhiteSpace(asked)) return (null, null);
        var code = known.FirstOrDefault(k => string.Equals(k, asked.Trim(), StringComparison.OrdinalIgnoreCase));
        return code is null
            ? (null, "Unknown jurisdiction: pick one from the list (the codes the agency directory serves), or all jurisdictions.")
            : (code, null);
    }
}
