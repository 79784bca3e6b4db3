using System.Globalization;
using System.Net;
using System.Text;
using Hotline.Core.Flows;

namespace Hotline.Web.Operators;

/// <summary>
/// Draws a flow as a layered SVG: each node sits one layer below the earliest node that leads to it
/// (breadth-first from the start), edges go down (or curve back up for loops). Good enough for a
/// person to follow a caller's path without Graphviz.
/// </summary>
public static class FlowDiagram
{
    private const int BoxW = 172, BoxH = 44, GapX = 24, GapY = 56, Margin = 20;

    public static string Svg(Flow flow)
    {
        var layers = Layers(flow);
        var pos = new Dictionary<string, (double X, double Y)>();
        var widest = layers.Max(l => l.Count);
        var width = Margin * 2 + widest * (BoxW + GapX) - GapX;
        var height = Margin * 2 + layers.Count * (BoxH + GapY) - GapY;
        for (var row = 0; row < layers.Count; row++)
        {
            var offset = (width - (layers[row].Count * (BoxW + GapX) - GapX)) / 2.0;
            for (var col = 0; col < layers[row].Count; col++)
                pos[layers[row][col]] = (offset + col * (BoxW + GapX), Margin + row * (BoxH + GapY));
        }

        var sb = new StringBuilder();
        sb.Append(
            F($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"flow-diagram\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" ") +
            F($"height=\"{height}\" role=\"img\" aria-labelledby=\"flow-title\">"));
        sb.Append(
            CultureInfo.InvariantCulture,
            $"<title id=\"flow-title\">Call flow {E(flow.Name)}: {flow.Nodes.Count} steps, starting at {E(flow.StartNode)}</title>");
        sb.Append(
            "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" " +
            "orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#555\"/></marker></defs>");
        foreach (var node in flow.Nodes.Values)
        {
            if (!pos.TryGetValue(node.Id, out var a)) continue;
            foreach (var target in node.Targets.Distinct())
            {
                if (!pos.TryGetValue(target, out var b)) continue;
                var (x1, y1) = (a.X + BoxW / 2.0, a.Y + BoxH);
                var (x2, y2) = (b.X + BoxW / 2.0, b.Y);
                var path = b.Y > a.Y
                    ? F($"M{x1:0.#},{y1:0.#} C{x1:0.#},{y1 + GapY / 2.0:0.#} {x2:0.#},{y2 - GapY / 2.0:0.#} {x2:0.#},{y2:0.#}")
                    // Back or sideways edges (retries, loops) swing out to the right so they do not hide boxes.
                    : F($"M{a.X + BoxW:0.#},{a.Y + BoxH / 2.0:0.#} C{a.X + BoxW + 60:0.#},{a.Y:0.#} ") +
                        F($"{b.X + BoxW + 60:0.#},{b.Y + BoxH:0.#} {b.X + BoxW:0.#},{b.Y + BoxH / 2.0:0.#}");
                sb.Append(
                    CultureInfo.InvariantCulture,
                    $"<path d=\"{path}\" class=\"edge\" marker-end=\"url(#arrow)\"><title>{E(node.Id)} → {E(target)}</title></path>");
            }
        }
        foreach (var node in flow.Nodes.Values)
        {
            if (!pos.TryGetValue(node.Id, out var p)) continue;
            var kind = Kind(node);
            sb.Append(F(
                $"<g class=\"node node-{kind}\"><rect x=\"{p.X:0.#}\" y=\"{p.Y:0.#}\" width=\"{BoxW}\" height=\"{BoxH}\" rx=\"6\"/>"));
            sb.Append(F($"<text x=\"{p.X + BoxW / 2.0:0.#}\" y=\"{p.Y + 18:0.#}\" text-anchor=\"middle\" ") +
                F($"class=\"node-id\">{E(Fit(node.Id))}</text>"));
            sb.Append(F($"<text x=\"{p.X + BoxW / 2.0:0.#}\" y=\"{p.Y + 34:0.#}\" text-anchor=\"middle\" ") +
                F($"class=\"node-kind\">{E(Describe(node))}</text></g>"));
        }
        return sb.Append("</svg>").ToString();
    }

    public static string Kind(FlowNode node) => node switch
    {
        AskNode => "ask",
        SayNode => "say",
        BranchNode => "branch",
        TerminalNode => "end",
        _ => "other",
    };

    public static string Describe(FlowNode node) => node switch
    {
        AskNode ask => "asks " + ask.Field,
        SayNode => "says",
        BranchNode => "decides",
        TerminalNode end => "ends: " + end.Action,
        _ => "",
    };

    /// <summary>Breadth-first layers from the start; nodes only reachable otherwise (fallback) go last.</summary>
    private static List<List<string>> Layers(Flow flow)
    {
        var depth = new Dictionary<string, int> { [flow.StartNode] = 0 };
        var queue = new Queue<string>([flow.StartNode]);
        while (queue.Count > 0)
        {
            var id = queue.Dequeue();
            if (!flow.Nodes.TryGetValue(id, out var node)) continue;
            foreach (var t in node.Targets)
            {
                if (depth.ContainsKey(t) || !flow.Nodes.ContainsKey(t)) continue;
                depth[t] = depth[id] + 1;
                queue.Enqueue(t);
            }
        }
        var last = depth.Count == 0 ? 0 : depth.Values.Max() + 1;
        foreach (var id in flow.Nodes.Keys.Where(k => !depth.ContainsKey(k))) depth[id] = last;
        return depth.GroupBy(d => d.Value).OrderBy(g => g.Key)
            .Select(g => g.Select(d => d.Key).OrderBy(k => k, StringComparer.Ordinal).ToList()).ToList();
    }

    private static string Fit(string text) => text.Length <= 24 ? text : text[..23] + "…";

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
