namespace Hotline.Core.Reports;

/// <summary>
/// The definition of every figure of the indicators report, written once. The calculator refers to these ids, the
/// exports write this text into their definitions sheet, and docs/indicators.md is generated from it (a test fails when
/// the page drifts).
/// </summary>
public static class IndicatorCatalogue
{
    public const string CallsOffered = "calls.offered";
    public const string CallsAnswered = "calls.answered";
    public const string CallsAbandoned = "calls.abandoned";
    public const string CallsOther = "calls.ended-otherwise";
    public const string AnswerRate = "calls.answer-rate";
    public const string SpeedOfAnswer = "calls.average-speed-of-answer";
    public const string LongestWait = "calls.longest-wait";
    public const string HandleTime = "calls.average-handle-time";
    public const string ContactsByChannel = "contacts.by-channel";
    public const string ContactsByType = "contacts.by-contact-type";
    public const string CasesByTraffickingType = "cases.by-trafficking-type";
    public const string CasesByVenue = "cases.by-venue";
    public const string CasesWithMinor = "cases.involving-minors";
    public const string CasesWithoutMinor = "cases.not-involving-minors";
    public const string CasesOpened = "cases.opened";
    public const string MandatoryRequired = "referrals.mandatory-required";
    public const string MandatoryMade = "referrals.mandatory-made";
    public const string MandatoryMissing = "referrals.mandatory-not-made";
    public const string ReferralsSent = "referrals.sent";
    public const string ReferralsDelivered = "referrals.delivered";
    public const string AcknowledgedInTime = "referrals.acknowledged-within-deadline";
    public const string MedianAcknowledge = "referrals.median-time-to-acknowledge";
    public const string ReferralsAccepted = "referrals.accepted";
    public const string ReferralsDeclined = "referrals.declined";
    public const string Escalations = "referrals.escalations";
    public const string CallbacksPromised = "callbacks.promised";
    public const string CallbacksMade = "callbacks.made-in-safe-window";
    public const string CallbacksNotMade = "callbacks.not-made-in-safe-window";
    public const string ClosedByOutcome = "cases.closed-by-outcome";
    public const string FirstReferral = "cases.median-first-contact-to-first-referral";

    /// <summary>How long after the promised time a callback still counts as made inside the caller's safe window.</summary>
    public static readonly TimeSpan CallbackGrace = TimeSpan.FromHours(2);

    /// <summary>
    /// Below this, a count is shown as "&lt;5" in a shared export, and a rate or median computed from fewer items is hidden.
    /// </summary>
    public const int SmallCell = 5;

    public static IReadOnlyList<IndicatorDefinition> All { get; } =
    [
        new(CallsOffered, "Calls offered", IndicatorUnit.Count,
            "Calls that reached the operator queue in the period (by the time they were queued). Calls that ended in the recorded " +
            "menu never asked for a person and are not offered."),
        new(CallsAnswered, "Calls answered", IndicatorUnit.Count, "Offered calls that an operator answered."),
        new(CallsAbandoned, "Calls abandoned", IndicatorUnit.Count, "Offered calls where the caller hung up before an operator answered."),
        new(CallsOther, "Calls ended otherwise", IndicatorUnit.Count,
            "Offered calls neither answered nor abandoned: left the queue for voicemail or a callback, or still waiting."),
        new(AnswerRate, "Answer rate", IndicatorUnit.Percent, "Calls answered divided by calls offered."),
        new(SpeedOfAnswer, "Average speed of answer", IndicatorUnit.Seconds,
            "Mean time from joining the queue to an operator answering, over answered calls."),
        new(LongestWait, "Longest wait", IndicatorUnit.Seconds,
            "The longest time an offered call waited in the queue: until answered, until it ended, or until now if still waiting."),
        new(HandleTime, "Average handle time", IndicatorUnit.Seconds,
            "Mean time from an operator answering to the call ending, over answered calls that have ended."),
        new(ContactsByChannel, "Contacts by channel", IndicatorUnit.Count,
            "Contacts (calls, text conversations, chats, tips) that started in the period, by the channel they came in on."),
        new(ContactsByType, "Contacts by contact type", IndicatorUnit.Count,
            "Contacts that started in the period, by the contact type of their case (not classified: no type recorded yet)."),
        new(CasesOpened, "Cases opened", IndicatorUnit.Count, "Cases created in the period."),
        new(CasesByTraffickingType, "Cases by trafficking type", IndicatorUnit.Count,
            "Cases opened in the period, by the trafficking type the operator recorded (not classified: none recorded)."),
        new(CasesByVenue, "Cases by venue", IndicatorUnit.Count,
            "Cases opened in the period, by venue or industry as recorded (trimmed, case ignored). The venue is typed text, so a " +
            "shared export names only venues recorded on at least 5 cases and pools the rest as \"Other venues\"."),
        new(CasesWithMinor, "Cases involving minors", IndicatorUnit.Count,
            "Cases opened in the period where a person under 18 is involved (the caller's or operator's answer was yes)."),
        new(CasesWithoutMinor, "Cases not involving minors", IndicatorUnit.Count,
            "Cases opened in the period where no minor is recorded as involved (no, or not asked)."),
        new(MandatoryRequired, "Mandatory referrals required", IndicatorUnit.Count,
            "For cases opened in the period, the mandatory referrals (one per agency type) that the pathway requires for the case as " +
            "classified now."),
        new(MandatoryMade, "Mandatory referrals made", IndicatorUnit.Count,
            "Of the mandatory referrals required, those made: a mandatory referral to an agency of that type was sent."),
        new(MandatoryMissing, "Mandatory referrals not made", IndicatorUnit.Count,
            "Mandatory referrals required but not (yet) sent."),
        new(ReferralsSent, "Referrals sent", IndicatorUnit.Count, "Referrals created in the period that were sent to the agency."),
        new(ReferralsDelivered, "Referrals delivered", IndicatorUnit.Count,
            "Referrals created in the period that reached the agency (a channel confirmed delivery)."),
        new(AcknowledgedInTime, "Acknowledged within deadline", IndicatorUnit.Percent,
            "Of the sent referrals that had an acknowledgement deadline, the share the agency acknowledged by the deadline."),
        new(MedianAcknowledge, "Median time to acknowledge", IndicatorUnit.Minutes,
            "Median time from sending to the agency's acknowledgement, over acknowledged referrals."),
        new(ReferralsAccepted, "Referrals accepted", IndicatorUnit.Count, "Referrals created in the period that the agency accepted."),
        new(ReferralsDeclined, "Referrals declined", IndicatorUnit.Count, "Referrals created in the period that the agency declined."),
        new(Escalations, "Escalations", IndicatorUnit.Count,
            "Referrals created in the period that missed their acknowledgement deadline and were escalated up the pathway's ladder."),
        new(CallbacksPromised, "Callbacks promised", IndicatorUnit.Count,
            "Cases opened in the period where the caller consented to a callback and a callback time inside their safe window was set."),
        new(CallbacksMade, "Callbacks made inside the safe window", IndicatorUnit.Count,
            "Promised callbacks where an operator handled a contact of the case that started between the promised time and 2 hours " +
            "after it. Counted from the case's contacts until callback attempts are recorded on their own."),
        new(CallbacksNotMade, "Callbacks not made inside the safe window", IndicatorUnit.Count,
            "Promised callbacks with no operator-handled contact in that window."),
        new(ClosedByOutcome, "Cases closed, by outcome", IndicatorUnit.Count,
            "Cases closed in the period (whenever they were opened), by the outcome recorded at closure."),
        new(FirstReferral, "Median time from first contact to first referral", IndicatorUnit.Hours,
            "For cases opened in the period that have a referral: the median time from the case's first contact to its first " +
            "referral being created."),
    ];

    public static IndicatorDefinition ById(string id) =>
        All.FirstOrDefault(d => d.Id == id) ?? throw new KeyNotFoundException($"No indicator '{id}' in the catalogue");
}
