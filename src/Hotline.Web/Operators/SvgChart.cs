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

    public static string Line(
        string title, string xAxis, string yAxis, IReadOnlyList<string> xLabels,
        IReadOnlyList<(string Name, IReadOnlyList<double> Values)> series)
    {
        var max = NiceMax(series.SelectMany(s => s.Values));
        var summary = string.Join(
            "; ",
            series.Select(s => $"{s.Name}: {string.Join(", ", s.Values.Select(v => v.ToString("0.##", CultureInfo.InvariantCulture)))}"));
        var legendRows = (series.Count + 2) / 3;
        var height = PlotHeight + legendRows * 18;
        var sb = Open(title, xAxis, yAxis, max, summary, height);
        var step = xLabels.Count > 1 ? (double)(Width - Left - Right - 20) / (xLabels.Count - 1) : 0;
        double X(int i) => Left + 10 + i * step;
        double Y(double v) => PlotHeight - Bottom - (PlotHeight - Top - Bottom) * v / max;
        for (var i = 0; i < xLabels.Count; i++)
        {
            sb.Append(F(
                $"<text x=\"{X(i):0.#}\" y=\"{PlotHeight - Bottom + 16}\" text-anchor=\"middle\" class=\"tick\">{E(xLabels[i])}</text>"));
        }
        for (var s = 0; s < series.Count; s++)
        {
            var colour = Palette[s % Palette.Length];
            var points = string.Join(" ", series[s].Values.Select((v, i) => F($"{X(i):0.#},{Y(v):0.#}")));
            sb.Append(F($"<polyline class=\"line\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2.5\" ") +
                F($"points=\"{points}\"><title>{E(series[s].Name)}</title></polyline>"));
            foreach (var (v, i) in series[s].Values.Select((v, i) => (v, i)))
            {
                sb.Append(F($"<circle cx=\"{X(i):0.#}\" cy=\"{Y(v):0.#}\" r=\"3.5\" fill=\"{colour}\"><title>{E(series[s].Name)} ") +
                    F($"{E(xLabels[i])}: {v:0.##}</title></circle>"));
            }
            // Legend along the bottom: colour is never the only cue, the name is written next to it.
            var lx = Left + (s % 3) * 170;
            var ly = PlotHeight + 4 + (s / 3) * 18;
            sb.Append(F(
                $"<rect x=\"{lx}\" y=\"{ly - 9}\" width=\"12\" height=\"12\" fill=\"{colour}\"/><text x=\"{lx + 16}\" y=\"{ly + 1}\" ") +
                F($"class=\"legend\">{E(Short(series[s].Name, 168))}</text>"));
        }
        return Close(sb);
    }

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
