using Hotline.Web.Data;

namespace Hotline.Web.Operators;

/// <summary>
/// How the caller may (and may not) be contacted. Shown first wherever a way to reach the caller is shown
/// (case page, callbacks due, agency page), always in the same words: one formatter, one partial
/// (Views/Shared/_SafeContact.cshtml). A number without "NO voicemail, evenings only" next to it is a risk.
/// </summary>
public sealed record SafeContact(bool? SafeToTalk, bool? CallbackAllowed, string? Window, bool? VoicemailAllowed, string? Instructions = null)
{
    public static SafeContact Of(Case c) => new(c.SafeToTalk, c.CallbackAllowed, c.CallbackWindow, c.VoicemailAllowed, c.SafeContactInstructions);

    /// <summary>True when any rule says stop: no callback, no voicemail, or not safe to talk.</summary>
    public bool Restricted => CallbackAllowed != true || VoicemailAllowed != true || SafeToTalk == false;

    public string CallBackWords => CallbackAllowed switch
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
