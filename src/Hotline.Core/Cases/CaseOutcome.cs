namespace Hotline.Core.Cases;

/// <summary>Why a case was closed. Required on closure: reporting and retention depend on it.</summary>
public enum CaseOutcome
{
    ReferredAndAccepted,
    ServicesDeclinedByCaller,
    InformationProvided,
    LostContact,
    NotTrafficking,
    Duplicate,
    Other,
}
