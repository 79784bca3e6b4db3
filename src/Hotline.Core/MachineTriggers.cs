using Stateless;

namespace Hotline.Core;

/// <summary>Questions about a configured Stateless machine that the case and referral machines both ask.</summary>
internal static class MachineTriggers
{
    /// <summary>
    /// The triggers with a transition out of <paramref name="state"/>, in configuration order, each once; ignored
    /// triggers are not transitions, so they are left out.
    /// </summary>
    public static List<TTrigger> Allowed<TState, TTrigger>(StateMachine<TState, TTrigger> machine, TState state)
        where TState : notnull
        where TTrigger : notnull =>
        machine.GetInfo().States
            .Single(s => EqualityComparer<TState>.Default.Equals((TState)s.UnderlyingState, state))
            .FixedTransitions
            .Select(t => (TTrigger)t.Trigger.UnderlyingTrigger)
            .Distinct()
            .ToList();
}
