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
    /// <summary>0 = crisis (said by the caller, the urgency or the classification), 1 high, 2 normal, 3 low.</summary>
    public static readonly Expression<Func<Case, int>> Of = c =>
        c.ImminentDanger == true || c.Urgency == Urgency.Crisis || c.ContactType == ContactType.Crisis ? 0
        : c.Urgency == Urgency.High ? 1
        : c.Urgency == Urgency.Normal ? 2
        : 3;
}
