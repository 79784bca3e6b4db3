using Hotline.Core.Cases;
using Hotline.Core.Referrals;
using static Hotline.Core.Reports.IndicatorCatalogue;

namespace Hotline.Core.Reports;

/// <summary>Turns the period's facts into the report's tables. Pure: no clock, no database.</summary>
public static class IndicatorCalculator
{
    public const string Total = "Total";
    public const string NotClassified = "Not classified";
    public const string NotRecorded = "Not recorded";

    public static IndicatorReport Compute(IndicatorFacts facts) => new(facts.From, facts.To, facts.Jurisdiction,
    [
        Calls(facts),
        ServiceLevel(facts),
        Breakdown("contacts-by-channel", "Contacts by channel", "Channel", "Contacts", ContactsByChannel,
            CameIn(facts).Select(c => CodeWords.Of(c.Channel.ToString())), Enum.GetNames<Channel>().Select(CodeWords.Of), null),
        Breakdown("contacts-by-type", "Contacts by contact type", "Contact type", "Contacts", ContactsByType,
            CameIn(facts).Select(c => c.ContactType is { } t ? CodeWords.Of(t) : NotClassified),
            Enum.GetValues<ContactType>().Select(t => CodeWords.Of(t)), NotClassified),
        Breakdown("cases-by-trafficking-type", "Cases by trafficking type", "Trafficking type", "Cases", CasesByTraffickingType,
            facts.Cases.Select(c => c.TraffickingType is { } t ? CodeWords.Of(t.ToString()) : NotClassified),
            Enum.GetNames<TraffickingType>().Select(CodeWords.Of), NotClassified),
        Venues(facts),
        Minors(facts),
        Mandatory(facts),
        Referrals(facts),
        Callbacks(facts),
        Breakdown("cases-closed-by-outcome", "Cases closed, by outcome", "Outcome", "Cases", ClosedByOutcome,
            facts.ClosedCases.Select(c => c.Outcome is { } o ? CodeWords.Of(o.ToString()) : NotRecorded),
            Enum.GetNames<CaseOutcome>().Select(CodeWords.Of), NotRecorded),
        TimeToReferral(facts),
    ]);

    /// <summary>Contacts that came in: a callback's own call was placed by the hotline.</summary>
    private static IEnumerable<ContactFact> CameIn(IndicatorFacts facts) => facts.Contacts.Where(c => !c.PlacedByHotline);

    private static ReportTable Calls(IndicatorFacts facts)
    {
        var f = ContactCentreFigures.From(facts.Calls, facts.Now);
        return new ReportTable("calls", "Calls offered to the operator queue", "Calls", ["Calls"],
        [
            new("Answered", [Figure.Count(CallsAnswered, f.Answered)]),
            new("Abandoned", [Figure.Count(CallsAbandoned, f.Abandoned)]),
            new("Ended otherwise", [Figure.Count(CallsOther, f.EndedOtherwise)]),
            new("Offered", [Figure.Count(CallsOffered, f.Offered)], IsTotal: true),
        ]);
    }

    private static ReportTable ServiceLevel(IndicatorFacts facts)
    {
        var f = ContactCentreFigures.From(facts.Calls, facts.Now);
        return new ReportTable("service-level", "Service level", "Measure", ["Value"],
        [
            new("Answer rate (%)", [Figure.Percent(AnswerRate, f.Answered, f.Offered, CallsAnswered, CallsOffered)]),
            new("Average speed of answer (seconds)",
                [Figure.Duration(SpeedOfAnswer, IndicatorUnit.Seconds, f.AverageSpeedOfAnswer?.TotalSeconds, f.Answered)]),
            new("Longest wait (seconds)", [Figure.Duration(LongestWait, IndicatorUnit.Seconds, f.LongestWait?.TotalSeconds, f.Offered)]),
            new("Average handle time (seconds)",
                [Figure.Duration(HandleTime, IndicatorUnit.Seconds, f.AverageHandleTime?.TotalSeconds, f.HandledAndEnded)]),
        ]);
    }

    /// <summary>A one-column count table: every known label (zeros too, so tables line up month to month), then a total.</summary>
    private static ReportTable Breakdown(
        string id, string title, string rowHeader, string column, string indicator, IEnumerable<string> labels, IEnumerable<string> known,
        string? missing)
    {
        var counts = labels.GroupBy(l => l).ToDictionary(g => g.Key, g => g.Count());
        var order = known.Concat(missing is null ? [] : [missing]).Concat(counts.Keys).Distinct().ToList();
        var rows = order.Select(l => new ReportRow(l, [Figure.Count(indicator, counts.GetValueOrDefault(l))])).ToList();
        rows.Add(new ReportRow(Total, [Figure.Count(indicator, counts.Values.Sum())], IsTotal: true));
        return new ReportTable(id, title, rowHeader, [column], rows);
    }

    private static ReportTable Venues(IndicatorFacts facts)
    {
        // Same venue typed differently ("Farm", " farm ") counts once, under its most common spelling.
        var groups = facts.Cases.Where(c => !string.IsNullOrWhiteSpace(c.Venue))
            .GroupBy(c => c.Venue!.Trim().ToUpperInvariant())
            .Select(g => (Label: g.GroupBy(c => c.Venue!.Trim())
                .OrderByDescending(s => s.Count()).ThenBy(s => s.Key, StringComparer.Ordinal).First().Key, Count: g.Count()))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Label, StringComparer.Ordinal).ToList();
        var rows = groups.Select(g => new ReportRow(g.Label, [Figure.Count(CasesByVenue, g.Count)])).ToList();
        rows.Add(new ReportRow(NotRecorded, [Figure.Count(CasesByVenue, facts.Cases.Count(c => string.IsNullOrWhiteSpace(c.Venue)))]));
        rows.Add(new ReportRow(Total, [Figure.Count(CasesByVenue, facts.Cases.Count)], IsTotal: true));
        return new ReportTable("cases-by-venue", "Cases by venue or industry", "Venue", ["Cases"], rows);
    }

    private static ReportTable Minors(IndicatorFacts facts)
    {
        var minors = facts.Cases.Count(c => c.ChildInvolved);
        return new ReportTable("cases-minors", "Cases involving minors", "Cases", ["Cases"],
        [
            new("Involving a minor", [Figure.Count(CasesWithMinor, minors)]),
            new("No minor recorded", [Figure.Count(CasesWithoutMinor, facts.Cases.Count - minors)]),
            new("Cases opened", [Figure.Count(CasesOpened, facts.Cases.Count)], IsTotal: true),
        ]);
    }

    private static ReportTable Mandatory(IndicatorFacts facts)
    {
        var required = facts.Cases.Sum(c => c.MandatoryRequired);
        var made = facts.Cases.Sum(c => Math.Min(c.MandatoryMade, c.MandatoryRequired));
        return new ReportTable("mandatory-referrals", "Mandatory referrals: made vs required", "Mandatory referrals", ["Referrals"],
        [
            new("Made", [Figure.Count(MandatoryMade, made)]),
            new("Not made", [Figure.Count(MandatoryMissing, required - made)]),
            new("Required", [Figure.Count(MandatoryRequired, required)], IsTotal: true),
        ]);
    }

    private static ReportTable Referrals(IndicatorFacts facts)
    {
        ReportRow Row(string label, IReadOnlyCollection<ReferralFact> rs, bool total)
        {
            var withDeadline = rs.Where(r => r.SentAt is not null && r.AcknowledgeBy is not null).ToList();
            var inTime = withDeadline.Count(r => r.AcknowledgedAt is { } a && a <= r.AcknowledgeBy);
            var ackMinutes = rs.Where(r => r.SentAt is not null && r.AcknowledgedAt is not null)
                .Select(r => (r.AcknowledgedAt!.Value - r.SentAt!.Value).TotalMinutes).ToList();
            return new ReportRow(label,
            [
                Figure.Count(ReferralsSent, rs.Count(r => r.SentAt is not null)),
                Figure.Count(ReferralsDelivered, rs.Count(r => r.DeliveredAt is not null)),
                Figure.Percent(AcknowledgedInTime, inTime, withDeadline.Count),
                Figure.Duration(MedianAcknowledge, IndicatorUnit.Minutes, Stats.Median(ackMinutes), ackMinutes.Count),
                Figure.Count(ReferralsAccepted, rs.Count(r => r.AcceptedAt is not null)),
                Figure.Count(ReferralsDeclined, rs.Count(r => r.DeclinedAt is not null)),
                Figure.Count(Escalations, rs.Count(r => r.ExpiredAt is not null)),
            ], total);
        }
        var rows = Enum.GetValues<AgencyType>()
            .Select(t => Row(CodeWords.Of(t.ToString()), facts.Referrals.Where(r => r.AgencyType == t).ToList(), false)).ToList();
        rows.Add(Row(Total, facts.Referrals, true));
        return new ReportTable("referrals-by-agency-type", "Referrals by agency type", "Agency type",
        [
            "Sent", "Delivered", "Acknowledged within deadline (%)", "Median time to acknowledge (minutes)", "Accepted", "Declined",
            "Escalations",
        ], rows);
    }

    private static ReportTable Callbacks(IndicatorFacts facts)
    {
        var promised = facts.Cases.Where(c => c.CallbackPromised)
            .Select(c => SafeWindowCallbacks.Judge(c.SafeWindow, c.CallbackAttempts)).ToList();
        var reached = promised.Count(p => p == SafeWindowCallback.Reached);
        var notReached = promised.Count(p => p == SafeWindowCallback.MadeInsideNotReached);
        return new ReportTable("callbacks", "Callbacks promised vs made inside the safe window", "Callbacks", ["Callbacks"],
        [
            new("Made inside the safe window", [Figure.Count(CallbacksMade, reached + notReached)]) { PartsBelow = 2 },
            new("Made inside the safe window: caller reached", [Figure.Count(CallbacksReached, reached)]),
            new("Made inside the safe window: caller not reached", [Figure.Count(CallbacksNotReached, notReached)]),
            new("Not made inside the safe window",
                [Figure.Count(CallbacksNotMade, promised.Count(p => p == SafeWindowCallback.NotMadeInside))]),
            new("Promised", [Figure.Count(CallbacksPromised, promised.Count)], IsTotal: true),
        ]);
    }

    private static ReportTable TimeToReferral(IndicatorFacts facts)
    {
        var hours = facts.Cases.Where(c => c.FirstReferralAt is not null)
            .Select(c => Math.Max(0, (c.FirstReferralAt!.Value - c.FirstContactAt).TotalHours)).ToList();
        return new ReportTable("time-to-referral", "Time from first contact to first referral", "Measure", ["Hours"],
        [
            new("Median first contact to first referral (hours)",
                [Figure.Duration(FirstReferral, IndicatorUnit.Hours, Stats.Median(hours), hours.Count)]),
        ]);
    }
}
