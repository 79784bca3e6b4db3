using System.Collections;

namespace Hotline.Web.Operators;

/// <summary>
/// The first rows of one board panel and how many there are in all. Every panel is bounded: 3,376 stale
/// "waiting" callers once made the 5-second refresh 3.8 MB and pushed the late referrals out of sight.
/// </summary>
public sealed class BoardPanel<T>(IReadOnlyList<T> shown, int total) : IReadOnlyList<T>
{
    public int Total { get; } = Math.Max(total, shown.Count);
    /// <summary>How many rows the board does not show: said as "N more" with a link to all of them.</summary>
    public int More => Total - shown.Count;
    public int Count => shown.Count;
    public T this[int index] => shown[index];
    public IEnumerator<T> GetEnumerator() => shown.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
