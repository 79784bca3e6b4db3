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
    public const string CallbacksReached = "callbacks.reached";
    public const string CallbacksNotReached = "callbacks.made-in-safe-window-not-reached";
    public const string CallbacksNotMade = "callbacks.not-made-in-safe-window";
    public const string ClosedByOutcome = "cases.closed-by-outcome";
    public const string FirstReferral = "cases.median-first-contact-to-first-referral";

    /// <summary>
    /// Below this, a count is shown as "&lt;5" in a shared export, and a rate or median computed from fewer items is hidden.
    /// </summary>
    public const int SmallCell = 5;

    public static IReadOnlyList<IndicatorDefinition> All { get; } =
    [
        new(CallsOffered, "Calls offered", IndicatorUnit.Count,
            "Calls that reached the operator queue in the period (by the time they were queued). Calls that ended in the recorded " +
            "menu never asked for a person and are not offered. A callback's own call (the service dialling the caller, recorded as " +
            "a callback attempt) is not an inbound call: it is never offered, answered, abandoned or waiting in these figures, even " +
            "when it was put in the queue because its advocate could not be joined."),
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
            "Contacts (calls, text conversations, chats, tips) that started in the period, by the channel they came in on. A " +
            "callback's own call (the service dialling the caller) did not come in and is not counted."),
        new(ContactsByType, "Contacts by contact type", IndicatorUnit.Count,
            "Contacts that started in the period, by the contact type of their case (not classified: no type recorded yet); " +
            "callbacks' own calls are not counted, as in contacts by channel."),
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
            "Cases opened in the period where the caller consented to a callback and one was promised: a callback time inside " +
            "their safe window is set, or the service has placed a callback attempt (a promise kept or given up clears the time, " +
            "not the promise)."),
        new(CallbacksMade, "Callbacks made inside the safe window", IndicatorUnit.Count,
            "Promised callbacks where the service placed at least one callback attempt (\"Call back\") at a moment inside the " +
            "caller's safe window: the line's callback window chosen on the case, in the line's time zone (none chosen: the line's " +
            "\"any\" window), as the case records it now. A window typed on the case that is not one of the line's cannot be " +
            "judged, so its attempts do not count. The sum of those that reached the caller and those that did not."),
        new(CallbacksReached, "Callbacks that reached the caller", IndicatorUnit.Count,
            "Callbacks made inside the safe window where an attempt placed inside the window was answered by a person (the " +
            "attempt's outcome: a person answered and the advocate was joined)."),
        new(CallbacksNotReached, "Callbacks made inside the safe window that did not reach the caller", IndicatorUnit.Count,
            "Callbacks made inside the safe window where no attempt inside the window was answered by a person (no answer, busy, " +
            "an answering machine, failed, or not ended yet)."),
        new(CallbacksNotMade, "Callbacks not made inside the safe window", IndicatorUnit.Count,
            "Promised callbacks with no callback attempt placed inside the caller's safe window: none placed yet, or only " +
            "outside it."),
        new(ClosedByOutcome, "Cases closed, by outcome", IndicatorUnit.Count,
            "Cases closed in the period (whenever they were opened), by the outcome recorded at closure."),
        new(FirstReferral, "Median time from first contact to first referral", IndicatorUnit.Hours,
            "For cases opened in the period that have a referral: the median time from the case's first contact to its first " +
            "referral being created."),
    ];

    public static IndicatorDefinition ById(string id) =>
        All.FirstOrDefault(d => d.Id == id) ?? throw new KeyNotFoundException($"No indicator '{id}' in the catalogue");
}
