using System.Text;
using Hotline.Core.Cases;
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

    /// <summary>System messages: key -> language -> text (with channel versions, see <see cref="FlowText"/>).</summary>
    public required IReadOnlyDictionary<string, FlowText> Messages { get; init; }

    /// <summary>
    /// Whether an SMS conversation that expired is told so ('sms.tell_on_expiry', default false): a texter who went
    /// quiet may no longer be safe, and a message arriving later on a watched phone can harm them.
    /// </summary>
    public bool TellOnExpiry { get; init; }

    /// <summary>Short texts an advocate sends with one click in a written conversation ('quick_replies:').</summary>
    public IReadOnlyList<QuickReply> QuickReplies => _quickReplies ??= [.. QuickReplyTexts.Select(q => q with { Flow = this })];

    internal IReadOnlyList<QuickReply> QuickReplyTexts { get; init; } = [];
    private IReadOnlyList<QuickReply>? _quickReplies;

    /// <summary>
    /// Whether texts on written channels may name the hotline ('texts_may_name_hotline', default false): a text stays
    /// on the phone, and a trafficker reading it learns who the victim talked to.
    /// </summary>
    public bool TextsMayNameHotline { get; init; }

    /// <summary>Words that identify the hotline ('hotline_names'), matched ignoring case and accents.</summary>
    public IReadOnlyList<string> HotlineNames { get; init; } = [];

    /// <summary>
    /// A system message in the given language (the default language if not declared), with {emergency},
    /// {backupLine} and the given values substituted. As said on a call: the plain text or its 'voice' version.
    /// </summary>
    public string Message(string key, string language, IReadOnlyDictionary<string, string>? values = null) =>
        Message(key, language, Channel.Voice, values);

    /// <summary>A system message as sent on the given channel (see <see cref="FlowText.For"/>).</summary>
    public string Message(string key, string language, Channel channel, IReadOnlyDictionary<string, string>? values = null)
    {
        if (!Messages.TryGetValue(key, out var texts))
            throw new KeyNotFoundException($"Flow '{Id}' has no message '{key}'.");
        return Render(texts, language, channel, values);
    }

    /// <summary>Picks the text for a language (default language as fallback) and fills placeholders; as on a call.</summary>
    public string Render(IReadOnlyDictionary<string, string> texts, string language, IReadOnlyDictionary<string, string>? values = null) =>
        Render(texts, language, Channel.Voice, values);

    /// <summary>
    /// Picks the text for a channel and language (default language as fallback) and fills placeholders. A
    /// <see cref="FlowText"/> gives its channel's version; any other map is the same on every channel.
    /// </summary>
    public string Render(
        IReadOnlyDictionary<string, string> texts, string language, Channel channel, IReadOnlyDictionary<string, string>? values = null)
    {
        if (texts is FlowText flowText)
            texts = flowText.For(channel);
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
            Holidays = Holidays, CallbackWindows = CallbackWindows, Messages = Messages, TellOnExpiry = TellOnExpiry,
            QuickReplyTexts = QuickReplyTexts, TextsMayNameHotline = TextsMayNameHotline, HotlineNames = HotlineNames,
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
