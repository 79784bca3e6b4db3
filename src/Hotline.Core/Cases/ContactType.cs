namespace Hotline.Core.Cases;

/// <summary>Screening contact types used by national hotlines.</summary>
public enum ContactType
{
    /// <summary>Immediate danger, or a response needed within 24 hours.</summary>
    Crisis,
    /// <summary>A specific situation with no known immediate danger.</summary>
    Tip,
    RequestForServices,
    TrainingTechnicalAssistance,
    GeneralInformation,
    HighRiskNotTrafficking,
}
