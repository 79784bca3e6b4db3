using Hotline.Core.Referrals;
using Hotline.Web.Data;
using Hotline.Web.Telephony.LiveCalls;

namespace Hotline.Web.Operators;

/// <summary>Merges contacts, notes, referrals and audited changes into one history, oldest first.</summary>
public static class CaseTimeline
{
    public static IReadOnlyList<TimelineEntry> Build(Case c, IReadOnlyList<AuditEntry> history, IReadOnlyList<LiveCallLeg>? legs = null)
    {
        var entries = new List<TimelineEntry>();
        entries.AddRange(LiveCallTimeline.Entries(legs ?? []));
        foreach (var contact in c.Contacts)
        {
            var what = Conversations.ConversationReader.IsText(contact.Channel)
                ? Conversations.ConversationWords.Channel(contact.Channel) + " conversation"
                : "Call";
            var ended = contact.EndedAt is { } e ? $"lasted {ConsoleClock.Span(e - contact.StartedAt)}, " : "";
            var recording = contact.RecordingUrl is null ? "" : $", recording {contact.RecordingSeconds ?? 0} s";
            var state = ServiceLevels.Words(contact.State.ToString()).ToLowerInvariant();
            entries.Add(new TimelineEntry(contact.StartedAt, "contact", $"{what} ({contact.Language})",
                $"{ended}status {state}{(contact.CallStatus is { } s ? " / " + s : "")}{recording}"));
            if (contact.RecordingUrl is not null)
            {
                // Played through the service (staff only, audited): Twilio's own link needs the account's credentials.
                entries.Add(new TimelineEntry(contact.EndedAt ?? contact.StartedAt, "recording", "Voicemail recording",
                    Telephony.Voicemail.VoicemailRecording.ListenPath(c.Id, contact.Id)));
            }
        }
        foreach (var note in c.Notes)
            entries.Add(new TimelineEntry(note.At, "note", $"Note by {note.AuthorName}", note.Body));
        foreach (var referral in c.Referrals)
        {
            entries.Add(
                new TimelineEntry(referral.CreatedAt, "referral",
                $"Referral to {referral.Agency?.Name ?? "agency"} ({Status(referral.Status)})",
                (referral.Mandatory ? "Mandatory. " : "") + referral.Reason));
        }

        foreach (var change in history.Where(h => h.Action != "case.note"))
        {
            entries.Add(new TimelineEntry(change.At, change.Action.StartsWith("referral", StringComparison.Ordinal) ? "referral" : "change",
                $"{Words(change.Action)} by {change.ActorName}", change.Detail));
        }

        return entries.OrderBy(e => e.At).ToList();
    }

    private static string Status(ReferralStatus status) =>
        status == ReferralStatus.HandedOverByPhone ? status.Label() : status.ToString();

    private static string Words(string action) => action switch
    {
        "case.classify" => "Classified",
        "case.status" => "Status changed",
        "case.consent" => "Consent recorded",
        "case.safe-contact" => "Safe-contact details changed",
        "call.take" => "Call taken",
        "conversation.take" => "Conversation taken",
        "conversation.reassign" => "Conversation reassigned",
        "conversation.close" => "Conversation closed",
        "voicemail.listen" => "Voicemail listened to",
        "callback.placed" => "Callback placed",
        "callback.attempt" => "Callback not answered",
        "callback.reached" => "Callback: caller reached",
        "callback.gave-up" => "Callback given up",
        _ when LiveCallTimeline.Words(action) is { } live => live,
        _ => action,
    };
}
