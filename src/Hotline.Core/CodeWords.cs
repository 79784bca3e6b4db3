namespace Hotline.Core;

/// <summary>
/// The one place where code names become the hotline's words ("Request for services", not RequestForServices).
/// In Core so the reports (computed here) and the console's labels say the same thing.
/// </summary>
public static class CodeWords
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

    /// <summary>An enum member's name in words: "AwaitingTriage" -> "Awaiting triage".</summary>
    public static string Of(string name)
    {
        if (Special.TryGetValue(name, out var special)) return special;
        return string.Concat(name.Select((ch, i) => i > 0 && char.IsUpper(ch) && !char.IsUpper(name[i - 1])
            ? " " + char.ToLowerInvariant(ch)
            : ch.ToString()));
    }
}
