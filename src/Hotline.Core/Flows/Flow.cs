using System.Text;
using Hotline.Core.Hours;

namespace Hotline.Core.Flows;

/// <summary>A loaded, validated intake flow. Immutable; safe to share between requests.</summary>
public sealed class Flow
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string SourceFile { get; init; }
    public required IReadOnlyList<string> Languages { get; init; }
    public string DefaultLanguage => Languages[0];
    public required string EmergencyNumber { get; init; }
    public required string BackupLine { get; init; }
    public required TimeZoneInfo TimeZone { get; init; }
    public required int MaxInvalidAttempts { get; init; }
    public required string StartNode { get; init; }
    public required string FallbackNode { get; init; }
    public required QueueSettings Queue { get; init; }
    public required int SmsInactivityMinutes { get; init; }
    public required IReadOnlyDictionary<string, FlowNode> Nodes { get; init; }

    /// <summary>When operators answer, in the flow's time zone; a day without a window is closed.</summary>
    public required WeeklyHours OpenHours { get; init; }
    public required IReadOnlySet<DateOnly> Holidays { get; init; }

    /// <summary>Named callback windows a caller chooses from (the same local times every day, in the flow's zone).</summary>
    public required IReadOnlyDictionary<string, WeeklyHours> CallbackWindows { get; init; }

    /// <summary>System messages: key -> language -> text.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Messages { get; init; }

    /// <summary>
    /// A system message in the given language (the default language if not declared), with {emergency},
    /// {backupLine} and the given values substituted.
    /// </summary>
    public string Message(string key, string language, IReadOnlyDictionary<string, string>? values = null)
    {
        if (!Messages.TryGetValue(key, out var texts))
            throw new KeyNotFoundException($"Flow '{Id}' has no message '{key}'.");
        return Render(texts, language, values);
    }

    /// <summary>Picks the text for a language (default language as fallback) and fills placeholders.</summary>
    public string Render(IReadOnlyDictionary<string, string> texts, string language, IReadOnlyDictionary<string, string>? values = null)
    {
        if (!texts.TryGetValue(language, out var text))
            text = texts.TryGetValue(DefaultLanguage, out var d) ? d : texts.Values.FirstOrDefault() ?? "";
        // Every placeholder starts with '{': without one there is nothing to fill.
        if (!text.Contains('{'))
            return text;
        var sb = new StringBuilder(text)
            .Replace("{emergency}", EmergencyNumber)
            .Replace("{backupLine}", BackupLine);
        if (values is not null)
        {
            foreach (var (k, v) in values)
                sb.Replace("{" + k + "}", v);
        }

        return sb.ToString();
    }

    /// <summary>
    /// The same flow with the deployment's emergency number and backup line, when configuration sets them
    /// (one flow file can serve regions whose numbers differ).
    /// </summary>
    public Flow WithOverrides(string? emergencyNumber, string? backupLine) =>
        emergencyNumber is null && backupLine is null ? this : new Flow
        {
            Id = Id, Name = Name, SourceFile = SourceFile, Languages = Languages,
            EmergencyNumber = emergencyNumber ?? EmergencyNumber, BackupLine = backupLine ?? BackupLine,
            TimeZone = TimeZone, MaxInvalidAttempts = MaxInvalidAttempts, StartNode = StartNode, FallbackNode = FallbackNode,
            Queue = Queue, SmsInactivityMinutes = SmsInactivityMinutes, Nodes = Nodes, OpenHours = OpenHours,
            Holidays = Holidays, CallbackWindows = CallbackWindows, Messages = Messages,
        };

    public string LanguageOrDefault(string? language) =>
        language is not null && Languages.Contains(language, StringComparer.Ordinal) ? language : DefaultLanguage;

    /// <summary>Whether operators are on duty at this instant (the opening hours, closed on holidays).</summary>
    public bool IsOpen(DateTimeOffset now) =>
        !Holidays.Contains(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZone).DateTime)) && OpenHours.IsOpen(now);

    /// <summary>
    /// When a callback in the named window may happen: <paramref name="now"/> if inside the window, else the next
    /// start of the window, in the flow's time zone. A null or unknown window means "any time" (now), so a caller
    /// is never left without a callback because a flow changed between their call and the callback.
    /// </summary>
    public DateTimeOffset NextCallbackTime(string? windowName, DateTimeOffset now) =>
        windowName is not null && CallbackWindows.TryGetValue(windowName, out var window) ? window.NextOpening(now) ?? now : now;
}
