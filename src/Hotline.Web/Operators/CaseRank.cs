using System.Linq.Expressions;
using Hotline.Core.Cases;
using Hotline.Web.Data;

namespace Hotline.Web.Operators;

/// <summary>
/// How urgent a case is, as a number PostgreSQL can sort by. The urgency column holds text, so ordering by it
/// sorted alphabetically (Crisis, High, Low, Normal) and Normal cases fell off the board behind Low ones.
/// One expression for the board and the case list, so "N more" leads to the same order.
/// </summary>
public static class CaseRank
{
    /// <summary>
    /// 0 = danger said by the caller or Crisis urgency; 1-3 = classified as a Crisis contact, by urgency (High,
    /// Normal, Low); 11-13 = every other case by urgency. A Crisis contact stays above the rest whatever its
    /// urgency, but a board never shows a "Normal" badge above a "Crisis" one inside that group.
    /// </summary>
    public static readonly Expression<Func<Case, int>> Of = c =>
        c.ImminentDanger == true || c.Urgency == Urgency.Crisis ? 0
        : (c.ContactType == ContactType.Crisis ? 0 : 10)
            + (c.Urgency == Urgency.High ? 1 : c.Urgency == Urgency.Normal ? 2 : 3);
}
