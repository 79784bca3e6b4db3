using Hotline.Core.Callbacks;
using Hotline.Core.Cases;
using Hotline.Web.Data;
using Hotline.Web.Tests.Infrastructure;

namespace Hotline.Web.Tests.Reports;

/// <summary>
/// Callbacks whose indicators are known by construction, in TX, on the national line (America/Chicago, UTC-6 in November;
/// "evening" is 17:00-21:00 there, "morning" 08:00-12:00):
/// A: inbound call answered after 20 s; callback kept (time cleared) by an attempt at 17:30 local a person answered.
/// B: inbound call abandoned after 90 s; one attempt at 10:00 local, outside the evening window; due again.
/// C: promised for the evening, no attempt yet.
/// D: "morning" window; one attempt at 09:00 local reached an answering machine.
/// Each attempt has its own Contact (the callback's own call); A's and B's were put in the queue (their advocate could not
/// be joined), A's answered after 9 minutes, B's given up. Counted as inbound calls they would change every figure.
/// So: 2 offered, 1 answered, 1 abandoned, 50 %, ASA 20 s, longest wait 90 s, 2 voice contacts; 4 callbacks promised,
/// 2 made inside the safe window (1 reached, 1 not), 2 not made.
/// </summary>
public static class CallbackIndicatorSeed
{
    public static readonly DateTimeOffset At = new(2026, 11, 10, 16, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly From = new(2026, 11, 1);
    public static readonly DateOnly To = new(2026, 11, 30);
    public const string Period = "from=2026-11-01&to=2026-11-30";

    public static async Task SeedAsync(HotlineApp app)
    {
        await app.WithDbAsync(async db =>
        {
            var a = AddCase(db, "A", "evening", due: null);
            Inbound(db, a, answeredAfter: TimeSpan.FromSeconds(20), ContactState.Completed);
            Attempt(db, a, Local(17, 30), CallbackOutcome.Answered, queuedFor: TimeSpan.FromMinutes(9), ContactState.Completed);

            var b = AddCase(db, "B", "evening", due: Local(17, 0));
            Inbound(db, b, answeredAfter: null, ContactState.Abandoned);
            Attempt(db, b, Local(10, 0), CallbackOutcome.NoAnswer, queuedFor: null, ContactState.Abandoned);

            AddCase(db, "C", "evening", due: Local(17, 0));

            var d = AddCase(db, "D", "morning", due: null);
            Attempt(db, d, Local(9, 0), CallbackOutcome.Machine, queuedFor: null, ContactState.Completed);
            await db.SaveChangesAsync();
        });
    }

    /// <summary>A time on 10 November in Chicago (UTC-6).</summary>
    private static DateTimeOffset Local(int hour, int minute) => new(2026, 11, 10, hour, minute, 0, TimeSpan.FromHours(-6));

    private static Case AddCase(HotlineDbContext db, string name, string window, DateTimeOffset? due)
    {
        var @case = new Case
        {
            Id = Guid.NewGuid(), Reference = "HL-26-CBI" + name, Status = CaseStatus.InProgress, FirstChannel = Channel.Voice,
            FlowId = "national", CallerNumber = IndicatorSeed.CallerNumber, CallerHash = "hash-callback-indicator-" + name,
            Jurisdiction = "TX", ContactType = ContactType.Tip, CallbackAllowed = true, CallbackWindow = window, CallbackDueAt = due,
            CreatedAt = At, UpdatedAt = At,
        };
        db.Cases.Add(@case);
        return @case;
    }

    private static void Inbound(HotlineDbContext db, Case @case, TimeSpan? answeredAfter, ContactState state) =>
        db.Contacts.Add(new Contact
        {
            Id = Guid.NewGuid(), CaseId = @case.Id, Channel = Channel.Voice, ExternalId = TwilioWebhooks.NewCallSid(), FlowId = "national",
            NodeId = "queue", State = state, StartedAt = At, LastActivityAt = At, EnqueuedAt = At,
            AnsweredAt = At + answeredAfter, EndedAt = At.AddSeconds(90),
        });

    private static void Attempt(
        HotlineDbContext db, Case @case, DateTimeOffset placed, CallbackOutcome outcome, TimeSpan? queuedFor, ContactState state)
    {
        var contact = new Contact
        {
            Id = Guid.NewGuid(), CaseId = @case.Id, Channel = Channel.Voice, ExternalId = TwilioWebhooks.NewCallSid(), FlowId = "national",
            State = state, StartedAt = placed, LastActivityAt = placed, EnqueuedAt = placed.AddMinutes(1),
            AnsweredAt = placed.AddMinutes(1) + queuedFor, EndedAt = placed.AddMinutes(20),
        };
        db.Contacts.Add(contact);
        db.CallbackAttempts.Add(new CallbackAttempt
        {
            Id = Guid.NewGuid(), CaseId = @case.Id, ContactId = contact.Id, Number = 1, AdvocateId = "advocate",
            AdvocateName = "Advocate " + @case.Reference, CallSid = contact.ExternalId,
            StartedAt = placed, Outcome = outcome, EndedAt = placed.AddMinutes(20), SettledAt = placed.AddMinutes(20),
        });
    }
}
