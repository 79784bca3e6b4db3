using Microsoft.AspNetCore.Mvc.Rendering;

namespace Hotline.Web.Operators;

/// <summary>
/// The one place where code names become the hotline's words: "Request for services", not RequestForServices.
/// Pages, the timeline, audit details and charts all ask here, so a label is changed once.
/// </summary>
public static class Labels
{
    // Only the names whose spaced-out form reads wrong; every other name is split at its capitals.
    private static readonly Dictionary<string, string> Special = new(StringComparer.Ordinal)
    {
        ["SexAndLabour"] = "Sex and labour",
        ["TrainingTechnicalAssistance"] = "Training or technical assistance",
        ["HighRiskNotTrafficking"] = "High risk, not trafficking",
        ["OperatorTook"] = "Operator took the case",
        ["FollowUp"] = "Follow-up",
        ["FollowUpScheduled"] = "Follow-up scheduled",
        ["ServicesDeclinedByCaller"] = "Caller declined services",
        ["WithOperator"] = "With an operator",
        ["Sms"] = "SMS",
        ["WhatsApp"] = "WhatsApp",
        ["WebChat"] = "Web chat",
        ["LegalAid"] = "Legal aid",
    };

    public static string Of<T>(T value) where T : struct, Enum => Of(value.ToString());

    public static string Of<T>(T? value, string none) where T : struct, Enum => value is { } v ? Of(v) : none;

    /// <summary>An enum member's name in words: "AwaitingTriage" -> "Awaiting triage".</summary>
    public static string Of(string name)
    {
        if (Special.TryGetValue(name, out var special)) return special;
        return string.Concat(name.Select((ch, i) => i > 0 && char.IsUpper(ch) && !char.IsUpper(name[i - 1])
            ? " " + char.ToLowerInvariant(ch)
            : ch.ToString()));
    }

    /// <summary>A move on the case's status control, said as what the operator does.</summary>
    public static string Action(Hotline.Core.Cases.CaseTrigger trigger) => trigger switch
    {
        Hotline.Core.Cases.CaseTrigger.OperatorTook => "Take the case (assign it to me)",
        Hotline.Core.Cases.CaseTrigger.ReferralSent => "Mark as referred",
        Hotline.Core.Cases.CaseTrigger.FollowUpScheduled => "Move to follow-up",
        Hotline.Core.Cases.CaseTrigger.Close => "Close the case",
        Hotline.Core.Cases.CaseTrigger.Reopen => "Reopen the case",
        _ => Of(trigger),
    };

    public static string YesNo(bool? answer) => answer switch { true => "yes", false => "no", null => "not asked" };

    /// <summary>A status change as people say it: "Awaiting triage → In progress".</summary>
    public static string Move<T>(T from, T to) where T : struct, Enum => $"{Of(from)} → {Of(to)}";

    /// <summary>The options of a select, labelled in words, valued by the enum name (what the form binds).</summary>
    public static IEnumerable<SelectListItem> Options<T>(T? selected = null) where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => new SelectListItem(Of(v), v.ToString(), selected is { } s && s.Equals(v)));
}
