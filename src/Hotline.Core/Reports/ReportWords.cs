using Hotline.Core.Cases;

namespace Hotline.Core.Reports;

/// <summary>How enum values read in reports and charts.</summary>
public static class ReportWords
{
    /// <summary>"RequestForServices" -> "Request for services".</summary>
    public static string Words(string name) =>
        string.Concat(name.Select((ch, i) => i > 0 && char.IsUpper(ch) ? " " + char.ToLowerInvariant(ch) : ch.ToString()));

    public static string Of(ContactType type) => type switch
    {
        ContactType.TrainingTechnicalAssistance => "Training / TA",
        ContactType.GeneralInformation => "General information",
        ContactType.HighRiskNotTrafficking => "High risk, not trafficking",
        ContactType.RequestForServices => "Request for services",
        _ => type.ToString(),
    };
}
