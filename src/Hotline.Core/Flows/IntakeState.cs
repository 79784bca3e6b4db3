using Hotline.Core.Cases;

namespace Hotline.Core.Flows;

/// <summary>
/// Where a caller is in a flow. Always at an ask node or a terminal. Step counts caller turns (0 after Start)
/// so the web layer can spot repeated or stale webhooks. <see cref="NumberWithheld"/> is a fact of the call
/// (no usable caller number), which branches can test so that nobody is asked for a callback that cannot be made.
/// <see cref="Channel"/> picks the version of every text the caller is sent ("reply 1" by text, "press 1" by voice).
/// </summary>
public sealed record IntakeState(
    string NodeId, string Language, int Step, int InvalidAttempts, IReadOnlyDictionary<string, string> Answers,
    bool NumberWithheld = false, Channel Channel = Channel.Voice);
