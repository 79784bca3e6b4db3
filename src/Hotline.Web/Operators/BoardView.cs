using Hotline.Core.Cases;
using Hotline.Core.Referrals;

namespace Hotline.Web.Operators;

/// <summary>Everything the live board shows, read in one go so the 5-second poll stays cheap.</summary>
public sealed record BoardView(
    DateTimeOffset Now,
    BoardPanel<WaitingCaller> Waiting,
    BoardPanel<CallbackOwed> Callbacks,
    BoardPanel<OpenCase> OpenCases,
    BoardPanel<LateReferral> LateReferrals)
{
    /// <summary>Mandatory referrals at a dead end (expired, no agency left, nobody recorded what was done): shown above
    /// everything.</summary>
    public BoardPanel<UnresolvedReferralRow> UnresolvedReferrals { get; init; } = new([], 0);

    /// <summary>
    /// Set, for supervisors and admins only, while Twilio requests are being refused for their signature
    /// (every caller may be refused): the board's banner. Null otherwise.
    /// </summary>
    public Telephony.TwilioRefusalCounts? TwilioRefusals { get; init; }

    /// <summary>Text conversations whose person waits for an advocate's reply, longest waiting first.</summary>
    public BoardPanel<WaitingConversation> Conversations { get; init; } = new([], 0);
}

/// <summary>A text conversation waiting for a reply: since when, and which advocate has it (null: nobody).</summary>
public sealed record WaitingConversation(
    Guid ContactId, Guid CaseId, string Reference, Channel Channel, string Language, DateTimeOffset WaitingSince, string? TakenBy,
    Urgency Urgency, bool ImminentDanger, bool ChildInvolved)
{
    public bool IsCrisis => ImminentDanger || Urgency == Urgency.Crisis;
}

public sealed record WaitingCaller(
    Guid ContactId, Guid CaseId, string Reference, Channel Channel, string Language, DateTimeOffset WaitingSince,
    Urgency Urgency, bool ImminentDanger, bool ChildInvolved, bool? SafeToCallBack)
{
    public bool IsCrisis => ImminentDanger || Urgency == Urgency.Crisis;
}

public sealed record CallbackOwed(Guid CaseId, string Reference, DateTimeOffset? DueAt, SafeContact SafeContact, Urgency Urgency);

public sealed record OpenCase(
    Guid CaseId, string Reference, CaseStatus Status, Urgency Urgency, ContactType? ContactType,
    DateTimeOffset? TriageDueAt, bool ImminentDanger, bool ChildInvolved, string? AssignedTo)
{
    public bool IsCrisis => ImminentDanger || Urgency == Urgency.Crisis || ContactType == Core.Cases.ContactType.Crisis;
}

public sealed record LateReferral(Guid CaseId, string Reference, string Agency, ReferralStatus Status, DateTimeOffset AcknowledgeBy);
