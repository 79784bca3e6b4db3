namespace Hotline.Core.Flows;

/// <summary>
/// Where a caller is in a flow. Always at an ask node or a terminal. Step counts caller turns (0 after Start)
/// so the web layer can spot repeated or stale webhooks. <see cref="NumberWithheld"/> is a fact of the call
/// (no usable caller number), which branches can test so that nobody is asked for a callback that cannot be made.
/// </summary>
public sealed record IntakeState(
    string NodeId, string Language, int Step, int InvalidAttempts, IReadOnlyDictionary<string, string> Answers,
    bool NumberWithheld = false);
