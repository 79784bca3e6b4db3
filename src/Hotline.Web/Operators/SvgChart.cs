using System.Globalization;
using System.Net;
using System.Text;

namespace Hotline.Web.Operators;

/// <summary>
/// Small server-side SVG charts (bar and line) with title and axis labels: no script, no CDN, and
/// readable by screen readers through role="img" and a text summary.
/// </summary>
public static class SvgChart
{
    private const int Width = 560, PlotHeight = 260, Left = 48, Right = 16, Top = 36, Bottom = 56;
    private static readonly string[] Palette = ["#1f5fa8", "#c0392b", "#2e7d32", "#8e44ad", "#d35400", "#00796b", "#5d4037"];

    public static string Bar(string title, string xAxis, string yAxis, IReadOnlyList<(string Label, double Value)> bars)
    {
        var max = NiceMax(bars.Select(b => b.Value));
        const int Height = PlotHeight;
        var sb = Open(title, xAxis, yAxis, max, Summary(bars), Height);
        var slot = (double)(Width - Left - Right) / Math.Max(1, bars.Count);
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value) = bars[i];
            var h = (Height - Top - Bottom) * value / max;
            var x = Left + i * slot + slot * 0.15;
            var y = Height - Bottom - h;
            sb.Append(F($"<rect class=\"bar\" x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{slot * 0.7:0.#}\" height=\"{h:0.#}\" ") +
                F($"fill=\"{Palette[0]}\"><title>{E(label)}: {value:0.##}</title></rect>"));
            sb.Append(F($"<text x=\"{x + slot * 0.35:0.#}\" y=\"{y - 4:0.#}\" text-anchor=\"middle\" class=\"value\">{value:0.##}</text>"));
            sb.Append(F($"<text x=\"{x + slot * 0.35:0.#}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\" ") +
                F($"class=\"tick\">{TwoLines(label, x + slot * 0.35, slot)}</text>"));
        }
        return Close(sb);
    }

    /// <summary>
    /// Lines per series. Each series has its own marker shape and dash pattern, and earlier series draw larger hollow
    /// markers, so equal values (Tip 1, Sex 1) stay visible on top of each other. Series whose scales differ by 10x or
    /// more (4 answered calls beside 5,000 offered) are drawn as small multiples, each on its own scale.
    /// </summary>
    public static string Line(
        string title, string xAxis, string yAxis, IReadOnlyList<string> xLabels,
        IReadOnlyList<(string Name, IReadOnlyList<double> Values)> series)
    {
        if (ScalesDiffer(series)) return SmallMultiples(title, xAxis, yAxis, xLabels, series);
        var max = NiceMax(series.SelectMany(s => s.Values));
        var legendRows = (series.Count + 2) / 3;
        var height = PlotHeight + legendRows * 18;
        var sb = Open(title, xAxis, yAxis, max, SeriesSummary(series), height);
        var step = xLabels.Count > 1 ? (double)(Width - Left - Right - 20) / (xLabels.Count - 1) : 0;
        double X(int i) => Left + 10 + i * step;
        double Y(double v) => PlotHeight - Bottom - (PlotHeight - Top - Bottom) * v / max;
        XTicks(sb, xLabels, X, PlotHeight - Bottom + 16);
        for (var s = 0; s < series.Count; s++)
        {
            Series(sb, series[s].Name, series[s].Values, xLabels, s, series.Count, X, Y);
            // Legend along the bottom: a sample of the line with its marker, and the name written next to it.
            var lx = Left + (s % 3) * 170;
            var ly = PlotHeight + 4 + (s / 3) * 18;
            LegendSample(sb, s, series.Count, lx, ly - 3);
            sb.Append(F($"<text x=\"{lx + 30}\" y=\"{ly + 1}\" class=\"legend\">{E(Short(series[s].Name, 140))}</text>"));
        }
        return Close(sb);
    }

    /// <summary>True when the largest series is 10x the smallest non-empty one: one shared scale would flatten it.</summary>
    public static bool ScalesDiffer(IReadOnlyList<(string Name, IReadOnlyList<double> Values)> series)
    {
        var maxima = series.Select(s => s.Values.DefaultIfEmpty(0).Max()).Where(m => m > 0).ToList();
        return maxima.Count > 1 && maxima.Max() >= 10 * maxima.Min();
    }

    private const int PanelHeight = 96, PanelGap = 10;

    private static string SmallMultiples(
        string title, string xAxis, string yAxis, IReadOnlyList<string> xLabels,
        IReadOnlyList<(string Name, IReadOnlyList<double> Values)> series)
    {
        var height = Top + series.Count * (PanelHeight + PanelGap) + 40;
        var sb = new StringBuilder();
        sb.Append(F($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart small-multiples\" viewBox=\"0 0 {Width} {height}\" ") +
            F($"role=\"img\" aria-label=\"{E(title)} (each on its own scale)\">"));
        sb.Append(CultureInfo.InvariantCulture, $"<title>{E(title)}</title><desc>{E(SeriesSummary(series))}</desc>");
        sb.Append(F($"<text x=\"{Width / 2}\" y=\"20\" text-anchor=\"middle\" class=\"chart-title\">{E(title)}</text>"));
        var step = xLabels.Count > 1 ? (double)(Width - Left - Right - 20) / (xLabels.Count - 1) : 0;
        double X(int i) => Left + 10 + i * step;
        for (var s = 0; s < series.Count; s++)
        {
            var top = Top + s * (PanelHeight + PanelGap);
            var bottom = top + PanelHeight - 14;
            var max = NiceMax(series[s].Values);
            double Y(double v) => bottom - (bottom - top - 14) * v / max;
            sb.Append(F($"<text x=\"{Left}\" y=\"{top + 8}\" class=\"panel-title\">{E(series[s].Name)} ({E(yAxis.ToLowerInvariant())}, ") +
                F($"0 to {max:0.#})</text>"));
            foreach (var v in new[] { 0, max / 2, max })
            {
                sb.Append(F($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Y(v):0.#}\" y2=\"{Y(v):0.#}\" class=\"grid\"/>"));
                sb.Append(F($"<text x=\"{Left - 6}\" y=\"{Y(v) + 4:0.#}\" text-anchor=\"end\" class=\"tick\">{v:0.#}</text>"));
            }
            sb.Append(F($"<line x1=\"{Left}\" x2=\"{Left}\" y1=\"{top + 14}\" y2=\"{bottom}\" class=\"axis\"/>"));
            Series(sb, series[s].Name, series[s].Values, xLabels, s, series.Count, X, Y);
        }
        var axisY = Top + series.Count * (PanelHeight + PanelGap) - PanelGap;
        XTicks(sb, xLabels, X, axisY + 4);
        sb.Append(F($"<text x=\"{(Left + Width - Right) / 2}\" y=\"{axisY + 30}\" text-anchor=\"middle\" class=\"axis-label\">") +
            F($"{E(xAxis)}</text>"));
        return Close(sb);
    }

    private static void XTicks(StringBuilder sb, IReadOnlyList<string> xLabels, Func<int, double> x, double y)
    {
        for (var i = 0; i < xLabels.Count; i++)
            sb.Append(F($"<text x=\"{x(i):0.#}\" y=\"{y:0.#}\" text-anchor=\"middle\" class=\"tick\">{E(xLabels[i])}</text>"));
    }

    private static readonly string[] Dashes = ["", "8 4", "2 3", "10 3 2 3", "5 5", "1 2", "12 2"];

    private static void Series(
        StringBuilder sb, string name, IReadOnlyList<double> values, IReadOnlyList<string> xLabels, int s, int count,
        Func<int, double> x, Func<double, double> y)
    {
        var colour = Palette[s % Palette.Length];
        var dash = Dashes[s % Dashes.Length];
        var points = string.Join(" ", values.Select((v, i) => F($"{x(i):0.#},{y(v):0.#}")));
        sb.Append(F($"<polyline class=\"line\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2.5\" ") +
            (dash.Length > 0 ? F($"stroke-dasharray=\"{dash}\" ") : "") +
            F($"points=\"{points}\"><title>{E(name)}</title></polyline>"));
        for (var i = 0; i < values.Count; i++)
        {
            sb.Append(Marker(s, count, x(i), y(values[i]), F($"{E(name)} {E(xLabels[i])}: {values[i]:0.##}")));
        }
    }

    private static void LegendSample(StringBuilder sb, int s, int count, double x, double y)
    {
        var dash = Dashes[s % Dashes.Length];
        sb.Append(F($"<line x1=\"{x:0.#}\" x2=\"{x + 26:0.#}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"{Palette[s % Palette.Length]}\" ") +
            F($"stroke-width=\"2.5\"{(dash.Length > 0 ? F($" stroke-dasharray=\"{dash}\"") : "")}/>"));
        sb.Append(Marker(s, count, x + 13, y, null));
    }

    /// <summary>A hollow marker of the series' own shape; earlier series are larger so a later one sits inside it.</summary>
    private static string Marker(int s, int count, double x, double y, string? title)
    {
        var colour = Palette[s % Palette.Length];
        var r = 3.5 + 1.6 * (count - 1 - s);
        var tip = title is null ? "" : $"<title>{title}</title>";
        var style = F($"class=\"marker\" fill=\"#fff\" fill-opacity=\"0\" stroke=\"{colour}\" stroke-width=\"2\"");
        return (s % 5) switch
        {
            0 => F($"<circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"{r:0.#}\" {style}>") + tip + "</circle>",
            1 => F($"<rect x=\"{x - r:0.#}\" y=\"{y - r:0.#}\" width=\"{2 * r:0.#}\" height=\"{2 * r:0.#}\" {style}>") + tip + "</rect>",
            2 => F($"<polygon points=\"{x:0.#},{y - r * 1.2:0.#} {x + r * 1.1:0.#},{y + r * 0.8:0.#} ") +
                F($"{x - r * 1.1:0.#},{y + r * 0.8:0.#}\" ") +
                style + ">" + tip + "</polygon>",
            3 => F($"<polygon points=\"{x:0.#},{y - r * 1.3:0.#} {x + r * 1.3:0.#},{y:0.#} ") +
                F($"{x:0.#},{y + r * 1.3:0.#} {x - r * 1.3:0.#},{y:0.#}\" ") +
                style + ">" + tip + "</polygon>",
            _ => F($"<path d=\"M{x - r:0.#},{y - r:0.#}L{x + r:0.#},{y + r:0.#}") +
                F($"M{x - r:0.#},{y + r:0.#}L{x + r:0.#},{y - r:0.#}\" {style}>") +
                tip + "</path>",
        };
    }

    private static string SeriesSummary(IReadOnlyList<(string Name, IReadOnlyList<double> Values)> series) => string.Join(
        "; ",
        series.Select(s => $"{s.Name}: {string.Join(", ", s.Values.Select(v => v.ToString("0.##", CultureInfo.InvariantCulture)))}"));

    private static StringBuilder Open(string title, string xAxis, string yAxis, double max, string summary, int height)
    {
        // The plot keeps the same height; extra height below it holds the legend.
        const int Height = PlotHeight;
        var sb = new StringBuilder();
        sb.Append(F($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 {Width} {height}\" role=\"img\" ") +
            F($"aria-label=\"{E(title)}\">"));
        sb.Append(CultureInfo.InvariantCulture, $"<title>{E(title)}</title><desc>{E(summary)}</desc>");
        sb.Append(F($"<text x=\"{Width / 2}\" y=\"20\" text-anchor=\"middle\" class=\"chart-title\">{E(title)}</text>"));
        // Counts read best in whole steps: 5 steps for 5, 10, 25, 50...; 4 otherwise.
        var steps = max % 5 == 0 ? 5 : 4;
        for (var i = 0; i <= steps; i++)
        {
            var v = max * i / steps;
            var y = Height - Bottom - (Height - Top - Bottom) * i / (double)steps;
            sb.Append(F($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" class=\"grid\"/>"));
            sb.Append(F($"<text x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" class=\"tick\">{v:0.#}</text>"));
        }
        sb.Append(F($"<line x1=\"{Left}\" x2=\"{Left}\" y1=\"{Top}\" y2=\"{Height - Bottom}\" class=\"axis\"/>"));
        sb.Append(F($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Height - Bottom}\" y2=\"{Height - Bottom}\" class=\"axis\"/>"));
        sb.Append(F($"<text x=\"{(Left + Width - Right) / 2}\" y=\"{Height - Bottom + 46}\" text-anchor=\"middle\" ") +
            F($"class=\"axis-label\">{E(xAxis)}</text>"));
        sb.Append(F($"<text transform=\"translate(12 {(Top + Height - Bottom) / 2}) rotate(-90)\" text-anchor=\"middle\" ") +
            F($"class=\"axis-label\">{E(yAxis)}</text>"));
        return sb;
    }

    private static string Close(StringBuilder sb) => sb.Append("</svg>").ToString();

    private static double NiceMax(IEnumerable<double> values)
    {
        var max = values.DefaultIfEmpty(0).Max();
        if (max <= 4) return 4;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(max)));
        foreach (var m in new[] { 1, 2, 2.5, 5, 10 })
            if (m * magnitude >= max) return m * magnitude;
        return 10 * magnitude;
    }

    private static string Summary(IEnumerable<(string Label, double Value)> bars) =>
        string.Join(", ", bars.Select(b => $"{b.Label}: {b.Value.ToString("0.##", CultureInfo.InvariantCulture)}"));

    private static string Short(string text, double room) => text.Length * 6.5 <= room ? text
        : text[..Math.Max(3, (int)(room / 6.5) - 1)] + "…";

    /// <summary>A long bar label goes on two lines rather than being cut.</summary>
    private static string TwoLines(string label, double x, double room)
    {
        var space = label.IndexOf(' ');
        if (label.Length * 6.5 <= room || space < 0) return E(Short(label, room));
        return F($"{E(Short(label[..space], room))}<tspan x=\"{x:0.#}\" dy=\"13\">{E(Short(label[(space + 1)..], room))}</tspan>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
