using Hotline.Core.Callbacks;

namespace Hotline.Web.Data;

/// <summary>
/// One try at a promised callback, placed by the service from the hotline number (issue #14, 7). The row is written
/// before Twilio is asked, so every attempt is on record however it ends; the pathway's retry rule is applied once
/// (<see cref="SettledAt"/>) when its outcome is known.
/// </summary>
public class CallbackAttempt
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    /// <summary>The callback's own call: the conference is named after it, and it is on the case's timeline.</summary>
    public Guid ContactId { get; set; }
    /// <summary>1 for the first try at this promise, then 2, 3... (the retry rule counts them).</summary>
    public int Number { get; set; }
    public string AdvocateId { get; set; } = "";
    public string AdvocateName { get; set; } = "";
    /// <summary>Where the advocate is joined: "Phone" or "Browser".</summary>
    public string Device { get; set; } = "Phone";
    /// <summary>Twilio's CallSid of the call to the caller, once Twilio accepted it.</summary>
    public string? CallSid { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    /// <summary>Twilio's answering-machine detection: human, machine_start, machine_end_beep, fax, unknown...</summary>
    public string? AnsweredBy { get; set; }
    /// <summary>Null while the call is being made; one open attempt per case at a time (unique index).</summary>
    public CallbackOutcome? Outcome { get; set; }
    /// <summary>What happened, in words for the timeline (never the number).</summary>
    public string? Detail { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    /// <summary>When the retry rule was applied to the case (kept, rescheduled or given up): null means still owed.</summary>
    public DateTimeOffset? SettledAt { get; set; }
    public CallbackPromise? Promise { get; set; }

    public uint Version { get; set; }
}
