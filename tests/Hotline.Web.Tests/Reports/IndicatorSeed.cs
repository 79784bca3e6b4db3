using System.Globalization;
using Hotline.Core.Cases;
using Hotline.Web.Data;
using Hotline.Web.Tests.Infrastructure;

namespace Hotline.Web.Tests.Reports;

/// <summary>
/// Cases and calls whose indicators are known by construction. In TX: 7 calls offered (5 answered, 1 abandoned, 1 to
/// voicemail), 2 cases with a minor, 5 cases whose typed venue is a formula. In CA: 1 more answered call.
/// </summary>
public static class IndicatorSeed
{
    /// <summary>Mid-November, in the hotline's time zone (America/Chicago) as in UTC.</summary>
    public static readonly DateTimeOffset At = new(2026, 11, 10, 16, 0, 0, TimeSpan.Zero);
    public const string Period = "from=2026-11-01&to=2026-11-30";
    public const string FormulaVenue = "=HYPERLINK(\"http://attacker.invalid\",\"farm\")";
    public const string CallerNumber = "+15557770001";

    public static async Task SeedAsync(HotlineApp app)
    {
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < 8; i++)
            {
                var state = i switch { 5 => ContactState.Abandoned, 6 => ContactState.Voicemail, _ => ContactState.Completed };
                var answered = state == ContactState.Completed;
                var @case = new Case
                {
                    Id = Guid.NewGuid(), Reference = "HL-26-RPT" + i.ToString(CultureInfo.InvariantCulture),
                    Status = CaseStatus.AwaitingTriage,
                    FirstChannel = Channel.Voice, FlowId = "national", CallerNumber = CallerNumber, CallerHash = "hash-report-" + i,
                    Jurisdiction = i == 7 ? "CA" : "TX", ChildInvolved = i < 2, Venue = i < 5 ? FormulaVenue : null,
                    ContactType = ContactType.Tip, TraffickingType = TraffickingType.Labour, CreatedAt = At, UpdatedAt = At,
                    OperatorNarrative = "Narrative that must never leave the console",
                };
                db.Cases.Add(@case);
                db.Contacts.Add(new Contact
                {
                    Id = Guid.NewGuid(), CaseId = @case.Id, Channel = Channel.Voice, ExternalId = TwilioWebhooks.NewCallSid(),
                    FlowId = "national",
                    NodeId = "queue", State = state, StartedAt = At, LastActivityAt = At, EnqueuedAt = At,
                    AnsweredAt = answered ? At.AddSeconds(20) : null, EndedAt = At.AddMinutes(5),
                });
            }
            await db.SaveChangesAsync();
        });
    }
}
