namespace Hotline.Core.Referrals;

public enum AgencyType
{
    Police,
    ChildProtection,
    Shelter,
    Medical,
    LegalAid,
    LabourInspection,
    Interpretation,
    CaseManagement,
}
