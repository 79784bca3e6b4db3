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

    /// <summary>
    /// Stored text said in words for people: code names spelt out ("case now InProgress" -> "case now In progress"),
    /// arrows drawn, and the raw ids inside it (a contact's or message's id, a Twilio SID) left out: they mean nothing
    /// to an advocate, and the audit row keeps its case and referral ids in their own columns.
    /// </summary>
    public static string? InText(string? text)
    {
        if (text is null) return null;
        var said = OwnerAndId().Replace(text, m => m.Groups["owner"].Value switch
        {
            "message" => "a message" + m.Groups["sep"].Value,
            "recording" => "the recording" + m.Groups["sep"].Value,
            _ => "",
        });
        said = BareId().Replace(said, "");
        said = CodeName().Replace(said, m => Known.Contains(m.Value) ? Of(m.Value) : m.Value);
        said = ChannelName().Replace(said, m => Of(m.Value)).Replace(" -> ", " → ", StringComparison.Ordinal);
        said = said.Trim().TrimStart(';', ',').Trim();
        return said.Length == 0 ? null : said;
    }

    /// <summary>Who did it, as the audit log says it: the person's name when known, "the service" for background work.</summary>
    public static string Who(string actorName, string? displayName = null) =>
        !string.IsNullOrWhiteSpace(displayName) ? displayName
        : actorName is "" or "system" ? "the service"
        : actorName;

    /// <summary>
    /// The end of a timeline heading: " by Ana Ruiz" for a person (by name, not sign-in e-mail), " (automatic)" for the
    /// service's own work, and the source in brackets otherwise (" (live call)", an agency's name), so a heading never
    /// reads "handed over by phone by live call".
    /// </summary>
    public static string By(string actorName, string? displayName = null) =>
        !string.IsNullOrWhiteSpace(displayName) ? " by " + displayName
        : actorName.Contains('@', StringComparison.Ordinal) ? " by " + actorName
        : actorName is "" or "system" ? " (automatic)"
        : $" ({actorName})";

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
        "case.view" => "Case opened",
        "case.note" => "Note added",
        "case.search" => "Cases searched",
        "case.created.web-tip" => "Tip from the web form",
        "conversation.view" => "Conversation read",
        "media.view" => "Attachment opened",
        "supervisor.alert.crisis" => "Supervisor alerted: crisis",
        "user.add" => "User added",
        "user.edit" => "User changed",
        "user.password-reset" => "Password reset",
        "user.unlock" => "User unlocked",
        "user.deactivate" => "User deactivated",
        "user.reactivate" => "User reactivated",
        "account.sign-in" => "Signed in",
        "account.sign-in-failed" => "Sign-in failed",
        "account.locked" => "Account locked",
        "account.two-factor-failed" => "Two-factor code refused",
        "account.two-factor-enrolled" => "Two-factor sign-in set up",
        "account.two-factor-reset" => "Two-factor sign-in reset",
        "account.recovery-code-used" => "Recovery code used",
        "account.recovery-codes-renewed" => "Recovery codes renewed",
        "agency.create" => "Agency added",
        "agency.update" => "Agency changed",
        "agency.deactivate" => "Agency deactivated",
        "agency.test-channel" => "Agency channel tested",
        "agency.hsds-export" => "Directory exported (HSDS)",
        "agency.hsds-import" => "Directory imported (HSDS)",
        "report.monthly.sent" => "Monthly report sent",
        "report.monthly.failed" => "Monthly report failed",
        "report.research-export" => "Research export",
        _ when Telephony.LiveCalls.LiveCallTimeline.Words(action) is { } live => live,
        // A referral's status moves are audited as "referral." + the new status.
        _ when action.StartsWith("referral.", StringComparison.Ordinal) && Enum.TryParse<ReferralStatus>(action[9..], true, out var status)
            => "Referral " + Of(status).ToLowerInvariant(),
        _ => action,
    };

    [GeneratedRegex(@"\b[A-Z][a-z]+(?:[A-Z][a-z]+)+\b")]
    private static partial Regex CodeName();

    // "contact 3f2a...; ", "message 3f2a...", "recording RE12ab...": a word naming what the id is, the id, and its separator.
    [GeneratedRegex(@"\b(?<owner>contact|message|conversation|recording|call|leg)\s+" +
        @"(?:[0-9a-fA-F]{8}-?(?:[0-9a-fA-F]{4}-?){3}[0-9a-fA-F]{12}|[A-Z]{2}[0-9a-f]{32})\b(?<sep>[;,]?\s*)")]
    private static partial Regex OwnerAndId();

    // Any other GUID or Twilio SID ("CA" + 32 hex) left in stored text.
    [GeneratedRegex(@"\s*\b(?:[0-9a-fA-F]{8}-?(?:[0-9a-fA-F]{4}-?){3}[0-9a-fA-F]{12}|[A-Z]{2}[0-9a-f]{32})\b")]
    private static partial Regex BareId();

    // One-word channel names whose code spelling reads wrong ("Sms" -> "SMS").
    [GeneratedRegex(@"\b(?:Sms|WebChat)\b")]
    private static partial Regex ChannelName();

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
