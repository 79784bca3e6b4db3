using System.Text.RegularExpressions;
using Hotline.Core.Cases;
using Hotline.Core.Referrals;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Hotline.Web.Operators;

/// <summary>
/// The one place where code names become the hotline's words: "Request for services", not RequestForServices.
/// Pages, the timeline, audit details and charts all ask here, so a label is changed once.
/// </summary>
public static partial class Labels
{
    // Code names that can appear inside stored text (audit details written before, or by code that says "now InProgress").
    private static readonly HashSet<string> Known = new(
        new[] { typeof(CaseStatus), typeof(CaseTrigger), typeof(ContactType), typeof(TraffickingType), typeof(ReferralStatus),
                typeof(CaseOutcome), typeof(AgencyType) }
            .SelectMany(Enum.GetNames).Where(n => n.Skip(1).Any(char.IsUpper)),
        StringComparer.Ordinal);

    /// <summary>Stored text with the code names in it said in words: "case now InProgress" -> "case now In progress".</summary>
    public static string? InText(string? text) => text is null ? null : CodeName().Replace(text, m =>
        Known.Contains(m.Value) ? Of(m.Value) : m.Value);

    /// <summary>An audit action ("referral.mandatory") as a heading: the code is kept only where no words are known.</summary>
    public static string AuditAction(string action) => action switch
    {
        "case.classify" => "Classified",
        "case.status" => "Status changed",
        "case.consent" => "Consent recorded",
        "case.safe-contact" => "Safe-contact details changed",
        "case.triage-overdue" => "Triage overdue",
        "case.redacted" => "Redacted under the retention rules",
        "call.take" => "Call taken",
        "conversation.take" => "Conversation taken",
        "conversation.reassign" => "Conversation reassigned",
        "conversation.close" => "Conversation closed",
        "referral.create" => "Referral sent",
        "referral.mandatory" => "Mandatory referral",
        "referral.resend" => "Referral resent",
        "referral.escalate" => "Referral escalated",
        "referral.followed-up" => "Referral followed up",
        "referral.ladder-exhausted" => "No agency left on the ladder",
        "referral.no-agency" => "No agency for a required referral",
        "referral.agency-view" => "Agency opened the referral",
        "callback.due" => "Callback due",
        "followup.due" => "Follow-up due",
        "supervisor.alert.failed" => "Supervisor text not delivered",
        "message.sent" => "Message sent",
        "voicemail.listen" => "Voicemail listened to",
        "callback.placed" => "Callback placed",
        "callback.attempt" => "Callback not answered",
        "callback.reached" => "Callback: caller reached",
        "callback.gave-up" => "Callback given up",
        _ when Telephony.LiveCalls.LiveCallTimeline.Words(action) is { } live => live,
        _ => action,
    };

    [GeneratedRegex(@"\b[A-Z][a-z]+(?:[A-Z][a-z]+)+\b")]
    private static partial Regex CodeName();

    public static string Of<T>(T value) where T : struct, Enum => Of(value.ToString());

    public static string Of<T>(T? value, string none) where T : struct, Enum => value is { } v ? Of(v) : none;

    /// <summary>An enum member's name in words: "AwaitingTriage" -> "Awaiting triage".</summary>
    public static string Of(string name) => Hotline.Core.CodeWords.Of(name);

    /// <summary>A move on the case's status control, said as what the operator does.</summary>
    public static string Action(CaseTrigger trigger) => trigger switch
    {
        CaseTrigger.OperatorTook => "Take the case (assign it to me)",
        CaseTrigger.ReferralSent => "Mark as referred",
        CaseTrigger.FollowUpScheduled => "Move to follow-up",
        CaseTrigger.Close => "Close the case",
        CaseTrigger.Reopen => "Reopen the case",
        _ => Of(trigger),
    };

    public static string YesNo(bool? answer) => answer switch { true => "yes", false => "no", null => "not asked" };

    /// <summary>A status change as people say it: "Awaiting triage → In progress".</summary>
    public static string Move<T>(T from, T to) where T : struct, Enum => $"{Of(from)} → {Of(to)}";

    /// <summary>The options of a select, labelled in words, valued by the enum name (what the form binds).</summary>
    public static IEnumerable<SelectListItem> Options<T>(T? selected = null) where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => new SelectListItem(Of(v), v.ToString(), selected is { } s && s.Equals(v)));
}
