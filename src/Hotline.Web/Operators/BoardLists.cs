using Hotline.Core.Cases;
using Hotline.Core.Referrals;
using Hotline.Web.Data;

namespace Hotline.Web.Operators;

/// <summary>
/// Which cases each board panel holds. The board shows the first of them; its "N more" link opens the case
/// list with the same filter (<see cref="CaseSearch.Board"/>), so the two can never disagree.
/// </summary>
public static class BoardLists
{
    public const string WaitingList = "waiting";
    public const string CallbacksList = "callbacks";
    public const string OpenList = "open";
    public const string LateList = "late";
    public const string ConversationsList = "conversations";

    /// <summary>
    /// Callers waiting in the voice queue. A queued text conversation is not a caller on hold: it waits under
    /// "Conversations waiting" only.
    /// </summary>
    public static IQueryable<Contact> CallersWaiting(IQueryable<Contact> contacts) =>
        contacts.Where(k => k.Channel == Channel.Voice && k.State == ContactState.Queued);

    public static IQueryable<Case> CallbacksDue(IQueryable<Case> cases) =>
        cases.Where(c => c.CallbackDue && c.Status != CaseStatus.Closed);

    public static IQueryable<Case> Open(IQueryable<Case> cases) =>
        cases.Where(c => c.Status != CaseStatus.Closed && c.Status != CaseStatus.Intake);

    /// <summary>Cases of the named panel, or null when the name is not a panel.</summary>
    public static IQueryable<Case>? Filter(IQueryable<Case> cases, string? board, DateTimeOffset now) => board switch
    {
        WaitingList => cases.Where(c => c.Contacts.Any(k => k.Channel == Channel.Voice && k.State == ContactState.Queued)),
        CallbacksList => CallbacksDue(cases),
        ConversationsList => cases.Where(c => c.Contacts.Any(k => k.AwaitingReplySince != null)),
        OpenList => Open(cases),
        LateList => cases.Where(c => c.Referrals.Any(r => r.AcknowledgeBy < now && ReferralStatuses.AwaitingAgency.Contains(r.Status))),
        _ => null,
    };

    public static string Words(string? board) => board switch
    {
        WaitingList => "with a caller waiting",
        CallbacksList => "with a callback due",
        ConversationsList => "with a text conversation waiting for a reply",
        OpenList => "open",
        LateList => "with a referral not acknowledged in time",
        _ => "",
    };

    public static string Link(string board) => "/cases?board=" + board;
}
