using Hotline.Web.Data;
using Hotline.Web.Telephony.LiveCalls;

namespace Hotline.Web.Operators;

/// <summary>Merges contacts, notes, referrals and audited changes into one history, oldest first.</summary>
public static class CaseTimeline
{
    /// <param name="names">Display names of the staff in the history, by user id: "by Ana Ruiz", not by her sign-in e-mail.</param>
    public static IReadOnlyList<TimelineEntry> Build(
        Case c, IReadOnlyList<AuditEntry> history, IReadOnlyList<LiveCallLeg>? legs = null,
        IReadOnlyDictionary<string, string>? names = null)
    {
        var entries = new List<TimelineEntry>();
        entries.AddRange(LiveCallTimeline.Entries(legs ?? []));
        foreach (var contact in c.Contacts)
        {
            var what = Conversations.ConversationReader.IsText(contact.Channel)
                ? Conversations.ConversationWords.Channel(contact.Channel) + " conversation"
                : "Call";
            var ended = Length(contact);
            var recording = contact.RecordingUrl is null ? "" : $", recording {contact.RecordingSeconds ?? 0} s";
            var state = Labels.Of(contact.State).ToLowerInvariant();
            entries.Add(new TimelineEntry(contact.StartedAt, "contact", $"{what} ({contact.Language})",
                $"{ended}status {state}{(contact.CallStatus is { } s && !s.Equals(state, StringComparison.OrdinalIgnoreCase)
                    ? " / " + s : "")}{recording}"));
            if (contact.RecordingUrl is not null)
            {
                // Played through the service (staff only, audited): Twilio's own link needs the account's credentials.
                entries.Add(new TimelineEntry(contact.EndedAt ?? contact.StartedAt, "recording", "Voicemail recording",
                    Telephony.Voicemail.VoicemailRecording.ListenPath(c.Id, contact.Id)));
            }
        }
        foreach (var note in c.Notes)
        {
            var by = Labels.By(note.AuthorName, names?.GetValueOrDefault(note.AuthorId));
            entries.Add(new TimelineEntry(note.At, "note", "Note" + by, note.Body));
        }
        foreach (var referral in c.Referrals)
        {
            entries.Add(
                new TimelineEntry(
                    referral.CreatedAt, "referral", $"Referral to {referral.Agency?.Name ?? "agency"} ({Labels.Of(referral.Status)})",
                (referral.Mandatory ? "Mandatory. " : "") + referral.Reason));
        }

        foreach (var change in history.Where(h => h.Action != "case.note"))
        {
            entries.Add(new TimelineEntry(change.At, change.Action.StartsWith("referral", StringComparison.Ordinal) ? "referral" : "change",
                Words(change.Action) + Labels.By(change.ActorName,
                    names?.GetValueOrDefault(change.Actor) ?? names?.GetValueOrDefault(change.ActorName)),
                Labels.InText(change.Detail)));
        }

        return entries.OrderBy(e => e.At).ToList();
    }

    /// <summary>
    /// How long the contact really lasted, from its first webhook to its end, and how long the caller waited for a person.
    /// A contact with no measurable length says so rather than "lasted 0 s".
    /// </summary>
    public static string Length(Contact contact)
    {
        var waited = contact.EnqueuedAt is { } q && contact.AnsweredAt is { } a && a > q ? $"waited {ConsoleClock.Span(a - q)}, " : "";
        if (contact.EndedAt is not { } end)
        {
            var going = contact.State is ContactState.Intake or ContactState.Queued or ContactState.WithOperator;
            return going ? waited + "still going, " : waited;
        }
        var length = end - contact.StartedAt;
        return length >= TimeSpan.FromSeconds(1) ? $"{waited}lasted {ConsoleClock.Span(length)}, " : waited + "length not measured, ";
    }

    private static string Words(string action) => Labels.AuditAction(action);
}
