namespace Hotline.Benchmark;

/// <summary>What the report needs of a run, whichever scenario it played (calls or text conversations).</summary>
public interface ILoadRun
{
    Task RunAsync();
    int CompletedCount { get; }
    int Failed { get; }
    IEnumerable<string> FirstErrors { get; }
    TimeSpan Elapsed { get; }
    /// <summary>What one completed unit is called in the report ("calls", "conversations").</summary>
    string Unit { get; }
}
