using Hotline.Core.Cases;

namespace Hotline.Web.Data;

/// <summary>
/// One call or one SMS conversation. Holds the intake machine's stored state so that any node can take
/// the next webhook: nothing about a call lives in memory between requests.
/// </summary>
public class Contact
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public Case Case { get; set; } = null!;
    public Channel Channel { get; set; }
    /// <summary>Twilio CallSid for calls; the first MessageSid for SMS conversations. Unique.</summary>
    public string ExternalId { get; set; } = "";
    /// <summary>SMS only: keyed hash of sender + hotline number, to find the open conversation.</summary>
    public string? ConversationKey { get; set; }
    public string FlowId { get; set; } = "";
    /// <summary>
    /// Text channels: the hotline's own address the person wrote to (To; "whatsapp:+1..." on WhatsApp), so replies
    /// come from the number they know. Not personal data.
    /// </summary>
    public string? HotlineAddress { get; set; }

    // Stored state of the intake machine.
    public string NodeId { get; set; } = "";
    public string Language { get; set; } = "en";
    public int Step { get; set; }
    public int InvalidAttempts { get; set; }
    /// <summary>The answers so far (field -> value) as JSON, so the machine's branches can be rebuilt without a join.</summary>
    public string AnswersJson { get; set; } = "{}";
    /// <summary>SMS: the last MessageSid handled, so a Twilio retry of the same message changes nothing.</summary>
    public string? LastMessageSid { get; set; }
    /// <summary>The caller pressed 1 in the queue to leave for a callback instead of waiting.</summary>
    public bool CallbackRequested { get; set; }

    public ContactState State { get; set; } = ContactState.Intake;
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset LastActivityAt { get; set; }
    public DateTimeOffset? EnqueuedAt { get; set; }
    /// <summary>
    /// When Twilio last asked the queue's wait URL about this caller (throttled): a queued call that stops being
    /// polled has ended, whether or not its final status callback arrived. See the queue reconciliation job.
    /// </summary>
    public DateTimeOffset? LastQueuePollAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    /// <summary>Last Twilio call status seen; statuses only move forward.</summary>
    public string? CallStatus { get; set; }
    public string? RecordingSid { get; set; }
    public string? RecordingUrl { get; set; }
    public int? RecordingSeconds { get; set; }
    /// <summary>The operator who took the call or conversation (user id): two advocates never answer at once.</summary>
    public string? AnsweredBy { get; set; }
    /// <summary>
    /// Text channels: since when the person's oldest unanswered message has waited for an advocate (null when
    /// answered). The board's "Conversations waiting" is this column, oldest first.
    /// </summary>
    public DateTimeOffset? AwaitingReplySince { get; set; }

    public uint Version { get; set; }

    /// <summary>
    /// Not stored: the transcript place a text took when its webhook first read this conversation
    /// (<see cref="ContactStore.FindOpenConversationAsync"/>), so texts keep the order they reached the database in.
    /// </summary>
    public long ArrivalTicket { get; set; }
}
