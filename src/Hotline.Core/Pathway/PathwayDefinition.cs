using Hotline.Core.Cases;
using Hotline.Core.Referrals;

namespace Hotline.Core.Pathway;

/// <summary>A whole pathway as loaded from one YAML file; validated, so every field is usable as is.</summary>
public sealed record PathwayDefinition(
    string Name,
    IReadOnlyList<PathwayRule> Rules,
    IReadOnlyDictionary<Urgency, TimeSpan> TriageDeadlines,
    IReadOnlyDictionary<string, AgencyType> NeedAgencies,
    IReadOnlyList<TimeSpan> FollowUpCadence,
    bool AnonymousNotificationsForRefusingAdults,
    int RetentionDays)
{
    /// <summary>How a promised callback is retried ('callback_retries'; optional: <see cref="Callbacks.CallbackRetryRule.Default"/>).
    /// </summary>
    public Callbacks.CallbackRetryRule CallbackRetries { get; init; } = Callbacks.CallbackRetryRule.Default;
}
