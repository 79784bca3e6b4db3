using Hotline.Web.Data;

namespace Hotline.Web.Operators;

/// <summary>
/// How the caller may (and may not) be contacted. Shown first wherever a way to reach the caller is shown
/// (case page, callbacks due, agency page), always in the same words: one formatter, one partial
/// (Views/Shared/_SafeContact.cshtml). A number without "NO voicemail, evenings only" next to it is a risk.
/// </summary>
public sealed record SafeContact(
    bool? SafeToTalk, bool? CallbackAllowed, string? Window, bool? VoicemailAllowed, string? Instructions = null)
{
    /// <summary>
    /// The caller gave no usable number (withheld, or a placeholder): intake stores none, and nobody can call or
    /// text them back. Retention also removes the number, but a redacted case is not "withheld".
    /// </summary>
    public bool NumberWithheld { get; init; }

    public static SafeContact Of(Case c) =>
        new(c.SafeToTalk, c.CallbackAllowed, c.CallbackWindow, c.VoicemailAllowed, c.SafeContactInstructions)
    {
        NumberWithheld = c.CallerNumber is null && c.RedactedAt is null,
    };

    /// <summary>True when any rule says stop: no number, no callback, no voicemail, or not safe to talk.</summary>
    public bool Restricted => NumberWithheld || CallbackAllowed != true || VoicemailAllowed != true || SafeToTalk == false;

    public string CallBackWords => NumberWithheld ? "Call back: No: number withheld" : CallbackAllowed switch
    {
        true => "Call back: yes",
        false => "Do NOT call back",
        null => "Call back: not asked (do not call before asking the hotline)",
    };

    public string WindowWords => string.IsNullOrWhiteSpace(Window) ? "No safe time given" : "Only " + Window.Trim();

    public string VoicemailWords => VoicemailAllowed == true ? "Voicemail allowed (never name the hotline)" : "NO voicemail";

    public string SafeToTalkWords => SafeToTalk switch
    {
        true => "Was safe to talk",
        false => "Was NOT safe to talk",
        null => "Safety to talk not asked",
    };

    /// <summary>One line, most restrictive first, for narrow places (a board row, an SMS-sized summary).</summary>
    public string Summary => string.Join(" · ", new[] { CallBackWords, VoicemailWords, WindowWords, SafeToTalkWords });
}
