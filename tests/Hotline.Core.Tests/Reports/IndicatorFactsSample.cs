using Hotline.Core.Callbacks;
using Hotline.Core.Cases;
using Hotline.Core.Hours;
using Hotline.Core.Referrals;
using Hotline.Core.Reports;

namespace Hotline.Core.Tests.Reports;

/// <summary>Facts whose indicators are known by construction; the expected figures are in the comments.</summary>
public static class IndicatorFactsSample
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset At(double minutes) => T0.AddMinutes(minutes);

    /// <summary>A caller's safe window of 17:00-21:00 UTC every day, in the one hours model.</summary>
    public static readonly CallbackWindow Evening =
        new("evening", WeeklyHours.Daily([(new TimeOnly(17, 0), new TimeOnly(21, 0))], TimeZoneInfo.Utc));

    /// <summary>Minutes after 17:00 UTC on the day after <see cref="T0"/>.</summary>
    public static DateTimeOffset EveningAt(double minutes) => new DateTimeOffset(2026, 11, 3, 17, 0, 0, TimeSpan.Zero).AddMinutes(minutes);

    public static IndicatorFacts Build() => new(
        new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), null, At(600),
        [
            // 7 offered, 5 answered (waits 10..50 s: ASA 30 s), handle times 100..400 s over the 4 ended (mean 250 s).
            Call(10, 100), Call(20, 200), Call(30, 300), Call(40, 400), Call(50, null),
            new(At(0), null, At(1.5), Abandoned: true), // abandoned after 90 s
            new(At(0), null, At(2), Abandoned: false), // left for voicemail after 120 s: the longest wait
        ],
        [
            new(Channel.Voice, ContactType.Crisis), new(Channel.Voice, ContactType.Crisis), new(Channel.Voice, ContactType.Crisis),
            new(Channel.Sms, ContactType.Tip), new(Channel.Sms, ContactType.Tip), new(Channel.Chat, null),
        ],
        [
            // Callback promised in the 17:00-21:00 (UTC) window; an attempt at 17:30 a person answered: made inside, reached.
            // First referral after 2 h.
            new(At(0), TraffickingType.Sex, "Farm", true, 2, 2, At(0), At(120), true, Evening,
                [new(EveningAt(30), CallbackOutcome.Answered)]),
            // The only attempt at 22:00, after the window closed (answered, but outside): not made inside. First referral after 4 h.
            new(At(0), TraffickingType.Labour, " farm ", false, 0, 0, At(0), At(240), true, Evening,
                [new(EveningAt(300), CallbackOutcome.Answered)]),
            // A minor, two mandatory referrals required, one made. No callback promised.
            new(At(0), null, null, true, 2, 1, At(0), null, false, Evening, []),
        ],
        [new(CaseOutcome.ReferredAndAccepted), new(CaseOutcome.ReferredAndAccepted), new(null)],
        [
            // Police: acknowledged in 30 min (in time) and accepted; in 90 min (late) and declined; never (escalated).
            new(AgencyType.Police, At(0), At(1), At(30), At(60), At(40), null, null),
            new(AgencyType.Police, At(0), At(1), At(90), At(60), null, At(100), null),
            new(AgencyType.Police, At(0), null, null, At(60), null, null, At(61)),
            // Shelter: acknowledged in 10 min.
            new(AgencyType.Shelter, At(0), At(1), At(10), At(60), null, null, null),
        ]);

    private static QueuedCallFact Call(int waitSeconds, int? handleSeconds) =>
        new(T0, T0.AddSeconds(waitSeconds), handleSeconds is { } h ? T0.AddSeconds(waitSeconds + h) : null, Abandoned: false);
}
