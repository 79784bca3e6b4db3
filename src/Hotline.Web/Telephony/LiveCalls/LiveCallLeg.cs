namespace Hotline.Web.Telephony.LiveCalls;

/// <summary>
/// One participant of a contact's conference: the caller, the advocate, an interpreter, an agency, a supervisor.
/// Kept from Twilio's conference and participant callbacks, so the board shows who is on and interpreter minutes
/// can be billed. Holds no phone number: an outside number is only named by its agency or its last digits.
/// </summary>
public class LiveCallLeg
{
    public Guid Id { get; set; }
    public Guid ContactId { get; set; }
    public Guid CaseId { get; set; }
    public LegRole Role { get; set; }
    /// <summary>In the console's words: "interpreter (es)", "Metro Police duty line", "number ending 4567".</summary>
    public string Label { get; set; } = "";
    /// <summary>Twilio's CallSid of this leg, once Twilio gave one.</summary>
    public string? CallSid { get; set; }
    public string? ConferenceSid { get; set; }
    /// <summary>The advocate or supervisor on this leg.</summary>
    public string? UserId { get; set; }
    public Guid? AgencyId { get; set; }
    public Guid? ReferralId { get; set; }
    /// <summary>Interpreter language, or "listen"/"whisper" for a supervisor.</summary>
    public string? Detail { get; set; }
    public LegState State { get; set; }
    public bool Held { get; set; }
    public bool Muted { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? JoinedAt { get; set; }
    public DateTimeOffset? LeftAt { get; set; }
    /// <summary>Why the leg failed, in words for the advocate.</summary>
    public string? Failure { get; set; }
    public uint Version { get; set; }

    public bool IsLive => State is LegState.Calling or LegState.Joined;

    /// <summary>Time on the call (billed for interpreters); null until it joined.</summary>
    public TimeSpan? OnCall(DateTimeOffset now) => JoinedAt is { } joined ? (LeftAt ?? now) - joined : null;
}
