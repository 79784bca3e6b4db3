using System.Globalization;
using System.Text;

namespace Hotline.Core.Reports;

/// <summary>docs/indicators.md, generated from <see cref="IndicatorCatalogue"/> so the page and the code cannot disagree.</summary>
public static class IndicatorDocs
{
    public const string RelativePath = "docs/indicators.md";

    public static string Markdown()
    {
        var page = new StringBuilder();
        page.Append("# Indicators\n\n");
        page.Append("Generated from `src/Hotline.Core/Reports/IndicatorCatalogue.cs`; do not edit by hand. After changing the catalogue, ");
        page.Append("regenerate with `HOTLINE_WRITE_DOCS=1 ./hotline test --filter \"FullyQualifiedName~IndicatorDocsTests\"`.\n\n");
        page.Append("Every figure is for one period (whole days in the hotline's time zone) and one jurisdiction (the case's), ");
        page.Append("or all jurisdictions. In shared exports (CSV, XLSX, the monthly e-mail) a count from 1 to ");
        var small = IndicatorCatalogue.SmallCell;
        page.Append(CultureInfo.InvariantCulture, $"{small - 1} shows as \"<{small}\", further cells are hidden so ");
        page.Append(CultureInfo.InvariantCulture, $"that totals do not give it away, and a rate or median computed from fewer ");
        page.Append(CultureInfo.InvariantCulture, $"than {small} ");
        page.Append("items is hidden.\n\n");
        page.Append("| Id | Name | Unit | Definition |\n|---|---|---|---|\n");
        foreach (var d in IndicatorCatalogue.All)
            page.Append(CultureInfo.InvariantCulture, $"| `{d.Id}` | {Cell(d.Name)} | {d.UnitName} | {Cell(d.Definition)} |\n");
        return page.ToString();
    }

    private static string Cell(string text) =>
        text.Replace("|", "\\|", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);
}
