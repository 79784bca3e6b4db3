namespace Hotline.Core.Public;

/// <summary>
/// Every text the public pages use. The loader refuses a file that lacks one of these in any language of the flow,
/// so a visitor never meets a blank label or a text in a language they did not choose.
/// </summary>
public static class PublicTextKeys
{
    // Shared by every public page (the layout): /chat reuses these.
    public const string LanguageName = "language_name";
    public const string LanguageLabel = "language_label";
    public const string QuickExit = "quick_exit";
    public const string QuickExitHint = "quick_exit_hint";
    public const string ClearHistory = "clear_history";
    public const string Emergency = "emergency";
    public const string TooManyRequests = "too_many_requests";

    // The tip form.
    public const string TipTitle = "tip_title";
    public const string TipIntro = "tip_intro";
    public const string TipWhat = "tip_what";
    public const string TipWhatHint = "tip_what_hint";
    public const string TipWhere = "tip_where";
    public const string TipJurisdiction = "tip_jurisdiction";
    public const string TipJurisdictionUnknown = "tip_jurisdiction_unknown";
    public const string TipPlace = "tip_place";
    public const string TipWhen = "tip_when";
    public const string TipWho = "tip_who";
    public const string TipChild = "tip_child";
    public const string Yes = "yes";
    public const string No = "no";
    public const string NotSure = "not_sure";
    public const string TipSigns = "tip_signs";
    public const string TipContact = "tip_contact";
    public const string TipContactHint = "tip_contact_hint";
    public const string TipPhone = "tip_phone";
    public const string TipPhoneHint = "tip_phone_hint";
    public const string TipSafeTime = "tip_safe_time";
    public const string TipSafeTimeWindow = "tip_safe_time_window";
    public const string TipSafeWay = "tip_safe_way";
    public const string TipHoneypot = "tip_honeypot";
    public const string TipSend = "tip_send";
    public const string TipProblems = "tip_problems";
    public const string ErrorWhatRequired = "error_what_required";
    public const string ErrorTooLong = "error_too_long";
    public const string ErrorPhone = "error_phone";
    public const string ErrorTooFast = "error_too_fast";
    public const string ErrorTooLarge = "error_too_large";
    public const string ErrorNotAForm = "error_not_a_form";
    public const string ThanksTitle = "thanks_title";
    public const string ThanksBody = "thanks_body";
    public const string SendAnother = "send_another";

    // The chat (/chat): drawn by the server in the page's language, and handed to wwwroot/js/chat.js in every
    // language (data-words) for the visitor's choice of language and the words the script writes itself.
    // {n} in chat_in_line and chat_pending is filled by the script.
    public static readonly IReadOnlyList<string> Chat =
    [
        "chat_title", "chat_no_script", "chat_choose_language", "chat_start", "chat_conversation", "chat_messages",
        "chat_answers", "chat_your_message", "chat_send", "chat_rather_not_wait", "chat_contact_intro", "chat_phone",
        "chat_email", "chat_safe_time", "chat_contact_submit", "chat_contact_done", "chat_new_chat_intro", "chat_restart",
        "chat_ended", "chat_ended_by_advocate", "chat_in_line", "chat_waiting", "chat_talking", "chat_after_hours",
        "chat_offline", "chat_pending", "chat_cant_start", "chat_send_failed", "chat_try_again", "chat_you",
        "chat_advocate", "chat_hotline",
    ];

    /// <summary>The plain-word signs of force, fraud and coercion a visitor can tick: "sign_" + the sign's key.</summary>
    public static string Sign(string key) => "sign_" + key;

    /// <summary>The signs, in the order the form shows them (their keys; see the web tip form for what each records).</summary>
    public static readonly IReadOnlyList<string> Signs =
        ["passport", "debt", "confined", "hurt", "job", "family", "police", "isolated", "minor_sex"];

    public static readonly IReadOnlyList<string> All =
    [
        LanguageName, LanguageLabel, QuickExit, QuickExitHint, ClearHistory, Emergency, TooManyRequests,
        TipTitle, TipIntro, TipWhat, TipWhatHint, TipWhere, TipJurisdiction, TipJurisdictionUnknown, TipPlace, TipWhen, TipWho,
        TipChild, Yes, No, NotSure, TipSigns, TipContact, TipContactHint, TipPhone, TipPhoneHint, TipSafeTime, TipSafeTimeWindow,
        TipSafeWay, TipHoneypot, TipSend, TipProblems, ErrorWhatRequired, ErrorTooLong, ErrorPhone, ErrorTooFast, ErrorTooLarge,
        ErrorNotAForm, ThanksTitle, ThanksBody, SendAnother,
        .. Signs.Select(Sign), .. Chat,
    ];
}
