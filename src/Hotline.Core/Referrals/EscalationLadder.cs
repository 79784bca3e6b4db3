namespace Hotline.Core.Referrals;

/// <summary>Who to try next when an agency misses its acknowledgement deadline.</summary>
public static class EscalationLadder
{
    /// <summary>
    /// The best-ranked agency not tried yet, or null when the list is exhausted: null is the
    /// supervisor rung, where a person takes over instead of the directory.
    /// </summary>
    public static AgencyListing? Next(IReadOnlyList<AgencyListing> ranked, IEnumerable<Guid> alreadyTried)
    {
        var tried = alreadyTried.ToHashSet();
        return ranked.FirstOrDefault(a => !tried.Contains(a.Id));
    }
}
