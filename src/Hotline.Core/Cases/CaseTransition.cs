namespace Hotline.Core.Cases;

/// <summary>
/// The result of applying one trigger to a case. A refused change carries <see cref="Error"/>, fit to
/// show an operator, and leaves the status as it was. <see cref="Outcome"/> is set when the case closed.
/// </summary>
public sealed record CaseTransition(CaseStatus From, CaseTrigger Trigger, CaseStatus To, CaseOutcome? Outcome, string? Error)
{
    public bool Succeeded => Error is null;

    public bool Changed => Succeeded && From != To;
}
