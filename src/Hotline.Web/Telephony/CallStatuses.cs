namespace Hotline.Web.Telephony;

/// <summary>
/// Twilio call statuses in the order a call lives through them. Status callbacks can arrive twice or out of
/// order; a status only replaces one of lower rank, so a late "ringing" never undoes "completed".
/// </summary>
public static class CallStatuses
{
    private static readonly Dictionary<string, int> Rank = new(StringComparer.OrdinalIgnoreCase)
    {
        ["queued"] = 0, ["initiated"] = 0, ["ringing"] = 1, ["in-progress"] = 2,
        ["completed"] = 3, ["busy"] = 3, ["failed"] = 3, ["no-answer"] = 3, ["canceled"] = 3,
    };

    public static bool IsKnown(string? status) => status is not null && Rank.ContainsKey(status);

    public static bool IsFinal(string? status) => status is not null && Rank.TryGetValue(status, out var r) && r == 3;

    /// <summary>True when <paramref name="incoming"/> moves the call forward from <paramref name="current"/>.</summary>
    public static bool MovesForward(string? current, string incoming) =>
        IsKnown(incoming) && (current is null || !Rank.TryGetValue(current, out var now) || Rank[incoming] > now);
}
