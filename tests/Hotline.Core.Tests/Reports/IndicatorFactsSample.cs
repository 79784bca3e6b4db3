using Hotline.Core.Cases;
using Hotline.Core.Referrals;
using Hotline.Core.Reports;

namespace Hotline.Core.Tests.Reports;

/// <summary>Facts whose indicators are known by construction; the expected figures are in the comments.</summary>
public static class IndicatorFactsSample
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset At(double minutes) => T0.AddMinutes(minutes);

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
            // Callback due a day later, operator contact 30 min after it: made inside the window. First referral after 2 h.
            new(At(0), TraffickingType.Sex, "Farm", true, 2, 2, At(0), At(120), At(1440), [At(1470)]),
            // Operator contact 3 h after the promised time: not inside the window. First referral after 4 h.
            new(At(0), TraffickingType.Labour, " farm ", false, 0, 0, At(0), At(240), At(1440), [At(1620)]),
            // A minor, two mandatory referrals required, one made.
            new(At(0), null, null, true, 2, 1, At(0), null, null, []),
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
