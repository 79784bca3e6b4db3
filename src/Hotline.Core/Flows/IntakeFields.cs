namespace Hotline.Core.Flows;

/// <summary>The intake fields a flow may fill. Flow files naming any other field are rejected.</summary>
public static class IntakeFields
{
    public const string Language = "language";
    public const string SafeToTalk = "safeToTalk";
    public const string ImminentDanger = "imminentDanger";
    public const string ChildInvolved = "childInvolved";
    public const string Need = "need";
    public const string CallbackAllowed = "callbackAllowed";
    public const string CallbackWindow = "callbackWindow";
    public const string VoicemailAllowed = "voicemailAllowed";

    public const string Yes = "yes";
    public const string No = "no";
    public const string Unsure = "unsure";

    public const string NeedReport = "report";
    public const string NeedHelp = "help";
    public const string NeedInformation = "information";

    public static IReadOnlyList<string> All { get; } =
        [Language, SafeToTalk, ImminentDanger, ChildInvolved, Need, CallbackAllowed, CallbackWindow, VoicemailAllowed];

    public static IReadOnlyList<string> YesNoValues { get; } = [Yes, No, Unsure];

    public static IReadOnlyList<string> NeedValues { get; } = [NeedReport, NeedHelp, NeedInformation];

    public static bool IsKnown(string field) => All.Contains(field, StringComparer.Ordinal);

    public static bool IsYesNo(string field) =>
        field is SafeToTalk or ImminentDanger or ChildInvolved or CallbackAllowed or VoicemailAllowed;
}
