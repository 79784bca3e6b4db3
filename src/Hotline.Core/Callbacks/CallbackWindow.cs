using Hotline.Core.Flows;
using Hotline.Core.Hours;

namespace Hotline.Core.Callbacks;

/// <summary>
/// The caller's safe window, from the flow's named callback windows (the one hours model). A case whose window is
/// not one of the flow's (free text typed on the case page) cannot be judged by the service, so it is not dialled:
/// a wrong guess could ring a phone while the wrong person holds it.
/// </summary>
public sealed record CallbackWindow(string Name, WeeklyHours? Hours)
{
    /// <summary>No window given: the flow's "any" window when it has one (the line's calling hours), else any time.</summary>
    public const string DefaultName = "any";

    /// <summary>The window for a case, or null when its name is not one of the flow's windows.</summary>
    public static CallbackWindow? For(Flow flow, string? caseWindow)
    {
        ArgumentNullException.ThrowIfNull(flow);
        var name = string.IsNullOrWhiteSpace(caseWindow) ? DefaultName : caseWindow.Trim();
        if (flow.CallbackWindows.TryGetValue(name, out var hours)) return new CallbackWindow(name, hours);
        return caseWindow is null || string.IsNullOrWhiteSpace(caseWindow) ? new CallbackWindow(DefaultName, null) : null;
    }

    public bool IsOpen(DateTimeOffset now) => Hours?.IsOpen(now) ?? true;

    /// <summary>The first instant at or after <paramref name="at"/> inside the window (null: it never opens).</summary>
    public DateTimeOffset? FirstOpenAt(DateTimeOffset at) => Hours is null ? at : Hours.NextOpening(at);

    /// <summary>The window in words, e.g. "evening (17:00-21:00)".</summary>
    public string Words => Hours is null ? Name : $"{Name} ({HoursText.Format(Hours)})";
}
