using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Hotline.Core.Cases;

namespace Hotline.Core.Flows;

/// <summary>
/// One text of a flow: the plain language map (this dictionary, used by every channel) and optional overrides
/// per channel key (<see cref="TextChannels"/>), each a full language map, so a text can say "reply 1" where the
/// call says "press 1".
/// </summary>
[SuppressMessage("Naming", "CA1710", Justification = "A text of the flow; it reads as its plain language map, as texts did before.")]
public sealed class FlowText : IReadOnlyDictionary<string, string>
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> NoOverrides =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();

    private readonly IReadOnlyDictionary<string, string> _plain;

    public FlowText(
        IReadOnlyDictionary<string, string> plain, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? overrides = null)
    {
        _plain = plain;
        Overrides = overrides ?? NoOverrides;
    }

    /// <summary>Channel key ('voice', 'text', 'sms', 'whatsapp', 'chat') -> language -> text.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Overrides { get; }

    /// <summary>Line of each text in the flow file: "en" for the plain map, "text.en" for an override.</summary>
    internal IReadOnlyDictionary<string, int> Lines { get; init; } = new Dictionary<string, int>();

    /// <summary>The language map a channel uses: its own override, then 'text' for written channels, then the plain map.</summary>
    public IReadOnlyDictionary<string, string> For(Channel channel)
    {
        foreach (var key in TextChannels.LookupOrder(channel))
        {
            if (Overrides.TryGetValue(key, out var map))
                return map;
        }
        return _plain;
    }

    /// <summary>The key of the map <see cref="For"/> picks ("" for the plain map), to name a line in errors.</summary>
    internal string KeyFor(Channel channel) => TextChannels.LookupOrder(channel).FirstOrDefault(Overrides.ContainsKey) ?? "";

    public string this[string key] => _plain[key];
    public IEnumerable<string> Keys => _plain.Keys;
    public IEnumerable<string> Values => _plain.Values;
    public int Count => _plain.Count;
    public bool ContainsKey(string key) => _plain.ContainsKey(key);
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value) => _plain.TryGetValue(key, out value);
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _plain.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
