using Hotline.Core.Flows;

namespace Hotline.Simulator;

/// <summary>Writes each flow's state graph (Mermaid or Graphviz dot) from the machine the engine runs.</summary>
public static class FlowPictures
{
    public static IReadOnlyList<string> Write(IEnumerable<string> flowFiles, string format, string outDir)
    {
        Directory.CreateDirectory(outDir);
        var written = new List<string>();
        foreach (var file in flowFiles)
        {
            var flow = FlowLoader.LoadFile(file);
            var (text, extension) = format switch
            {
                "mermaid" => (FlowGraph.ToMermaid(flow), ".mmd"),
                "dot" => (FlowGraph.ToDot(flow), ".dot"),
                _ => throw new ArgumentException($"--format must be mermaid or dot, got '{format}'"),
            };
            var path = Path.Combine(outDir, flow.Id + extension);
            File.WriteAllText(path, text.ReplaceLineEndings("\n").TrimEnd() + "\n");
            written.Add(path);
        }
        return written;
    }
}
