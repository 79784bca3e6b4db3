using Stateless;
using Stateless.Graph;

namespace Hotline.Core.Cases;

/// <summary>
/// The lifecycle of a case. Built per use around the stored status (accessor/mutator), like the referral
/// machine, so any node can take the next request.
/// </summary>
public static class CaseMachine
{
    private static readonly CaseStatus[] ClosableStatuses =
        [CaseStatus.AwaitingTriage, CaseStatus.InProgress, CaseStatus.Referred, CaseStatus.FollowUp];

    // Read on every case page view; the machine never changes, so each status's answer is worked out once.
    // Declared after ClosableStatuses, which building a machine reads (static fields initialise in order).
    private static readonly Dictionary<CaseStatus, IReadOnlyList<CaseTrigger>> AllowedByStatus =
        Enum.GetValues<CaseStatus>().ToDictionary(
            status => status,
            IReadOnlyList<CaseTrigger> (status) => Compute(status).AsReadOnly());

    // An undefined status (a bad cast) is not cached and fails as before.
    private static List<CaseTrigger> Compute(CaseStatus status) => MachineTriggers.Allowed(Create(() => status, _ => { }), status);

    public static StateMachine<CaseStatus, CaseTrigger> Create(
        Func<CaseStatus> read, Action<CaseStatus> write, Action<CaseOutcome>? closedWith = null) =>
        Build(read, write, closedWith, withIgnoredRepeats: true);

    private static StateMachine<CaseStatus, CaseTrigger> Build(
        Func<CaseStatus> read, Action<CaseStatus> write, Action<CaseOutcome>? closedWith, bool withIgnoredRepeats)
    {
        var machine = new StateMachine<CaseStatus, CaseTrigger>(read, write);
        var close = machine.SetTriggerParameters<CaseOutcome>(CaseTrigger.Close);

        machine.Configure(CaseStatus.Intake)
            .Permit(CaseTrigger.IntakeCompleted, CaseStatus.AwaitingTriage)
            // A hang-up still leaves a case worth triaging: nothing said is lost.
            .Permit(CaseTrigger.CallerHungUp, CaseStatus.AwaitingTriage);

        machine.Configure(CaseStatus.AwaitingTriage)
            .Permit(CaseTrigger.OperatorTook, CaseStatus.InProgress);

        machine.Configure(CaseStatus.InProgress)
            .Permit(CaseTrigger.ReferralSent, CaseStatus.Referred)
            // Adults who refuse referral still get check-ins.
            .Permit(CaseTrigger.FollowUpScheduled, CaseStatus.FollowUp);

        machine.Configure(CaseStatus.Referred)
            .PermitReentry(CaseTrigger.ReferralSent) // a second agency (police and child protection)
            .Permit(CaseTrigger.FollowUpScheduled, CaseStatus.FollowUp);

        machine.Configure(CaseStatus.FollowUp)
            .Permit(CaseTrigger.ReferralSent, CaseStatus.Referred) // a check-in revealed a new need
            .PermitReentry(CaseTrigger.FollowUpScheduled);

        foreach (var status in ClosableStatuses)
        {
            machine.Configure(status).Permit(CaseTrigger.Close, CaseStatus.Closed);
        }

        // The end of the call (status callback) arrives after intake more often than not: not an error.
        foreach (var status in Enum.GetValues<CaseStatus>().Where(s => withIgnoredRepeats && s != CaseStatus.Intake))
        {
            machine.Configure(status)
                .Ignore(CaseTrigger.CallerHungUp)
                .Ignore(CaseTrigger.IntakeCompleted);
        }

        machine.Configure(CaseStatus.Closed)
            .Permit(CaseTrigger.Reopen, CaseStatus.InProgress)
            .OnEntryFrom(close, outcome => closedWith?.Invoke(outcome), "record outcome");

        return machine;
    }

    /// <summary>Applies one trigger to a stored status; never throws for a refused change.</summary>
    public static CaseTransition Apply(CaseStatus current, CaseTrigger trigger, CaseOutcome? outcome = null)
    {
        var state = current;
        CaseOutcome? closedWith = null;
        var machine = Create(() => state, s => state = s, o => closedWith = o);
        if (!machine.CanFire(trigger))
        {
            return new CaseTransition(current, trigger, current, null, ErrorFor(current, trigger));
        }

        if (trigger == CaseTrigger.Close)
        {
            if (outcome is null)
            {
                return new CaseTransition(current, trigger, current, null, "A case cannot be closed without an outcome");
            }

            // A fresh descriptor is equivalent to the one registered in Create: Stateless matches by trigger.
            machine.Fire(new StateMachine<CaseStatus, CaseTrigger>.TriggerWithParameters<CaseOutcome>(CaseTrigger.Close), outcome.Value);
        }
        else
        {
            machine.Fire(trigger);
        }

        return new CaseTransition(current, trigger, state, closedWith, null);
    }

    /// <summary>What the console may offer for a case in <paramref name="status"/> (ignored repeats excluded).</summary>
    public static IReadOnlyList<CaseTrigger> AllowedTriggers(CaseStatus status) =>
        AllowedByStatus.TryGetValue(status, out var triggers) ? triggers : Compute(status);

    /// <summary>The lifecycle as a picture; ignored late repeats are left out because they would only add noise.</summary>
    public static string ToMermaid() =>
        MermaidGraph.Format(Build(() => CaseStatus.Intake, _ => { }, null, withIgnoredRepeats: false).GetInfo());

    private static string ErrorFor(CaseStatus current, CaseTrigger trigger) => (current, trigger) switch
    {
        (CaseStatus.Intake, CaseTrigger.Close) => "A case in intake cannot be closed; wait until the caller's intake ends",
        (CaseStatus.Intake, _) => $"A case in intake cannot be {Verb(trigger)}; wait until the caller's intake ends",
        (CaseStatus.Closed, _) => $"A closed case cannot be {Verb(trigger)}; reopen it first",
        (_, CaseTrigger.Reopen) => "Only a closed case can be reopened",
        (CaseStatus.AwaitingTriage, _) => $"A case awaiting triage cannot be {Verb(trigger)}; an operator must take it first",
        _ => $"A case that is {Describe(current)} cannot be {Verb(trigger)}",
    };

    private static string Describe(CaseStatus status) => status switch
    {
        CaseStatus.InProgress => "in progress",
        CaseStatus.Referred => "referred",
        CaseStatus.FollowUp => "in follow-up",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static string Verb(CaseTrigger trigger) => trigger switch
    {
        CaseTrigger.IntakeCompleted => "marked as intake completed",
        CaseTrigger.CallerHungUp => "marked as hung up",
        CaseTrigger.OperatorTook => "taken by an operator",
        CaseTrigger.ReferralSent => "referred",
        CaseTrigger.FollowUpScheduled => "scheduled for follow-up",
        CaseTrigger.Close => "closed",
        CaseTrigger.Reopen => "reopened",
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, "unknown case trigger"),
    };
}
