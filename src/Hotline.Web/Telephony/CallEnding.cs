using Hotline.Web.Data;

namespace Hotline.Web.Telephony;

/// <summary>
/// What a call status does to a contact, wherever the status came from: Twilio's status callback, or the
/// queue reconciliation asking Twilio about a caller who went silent. One rule, so a reconciled call ends
/// exactly as one whose callback arrived.
/// </summary>
public static class CallEnding
{
    /// <summary>Applies <paramref name="status"/>; false when it changes nothing (an old or repeated status).</summary>
    public static bool Apply(IntakeRecorder recorder, Contact contact, string status)
    {
        if (!CallStatuses.MovesForward(contact.CallStatus, status)) return false;
        contact.CallStatus = status;
        if (!CallStatuses.IsFinal(status)) return true;
        switch (contact.State)
        {
            case ContactState.Intake or ContactState.Queued:
            case ContactState.Voicemail when contact.RecordingSid is null:
                // Ended before a person: keep what was said, and the callback promise where the caller consented.
                recorder.Abandon(contact, ContactState.Abandoned);
                break;
            case ContactState.WithOperator or ContactState.Voicemail:
                contact.State = ContactState.Completed;
                contact.EndedAt ??= recorder.Now;
                break;
        }
        return true;
    }
}
