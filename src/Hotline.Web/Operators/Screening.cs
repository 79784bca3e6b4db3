namespace Hotline.Web.Operators;

/// <summary>
/// The screening checklist: indicators of force, fraud or coercion (the legal elements of trafficking),
/// and the needs the pathway routes on. Stored as these short keys; labels are what operators read.
/// </summary>
public static class Screening
{
    public static readonly IReadOnlyList<(string Key, string Label, string Group)> Indicators =
    [
        ("force-violence", "Physical or sexual violence, or threats of it", "Force"),
        ("force-confinement", "Locked in, watched, or not free to leave", "Force"),
        ("fraud-job", "Promised a different job, pay or conditions", "Fraud"),
        ("fraud-documents", "False documents or false promises about papers", "Fraud"),
        ("coercion-debt", "Debt that cannot be paid off (debt bondage)", "Coercion"),
        ("coercion-documents", "ID or passport taken by someone else", "Coercion"),
        ("coercion-threats-family", "Threats against family or others", "Coercion"),
        ("coercion-immigration", "Threats of deportation or police", "Coercion"),
        ("coercion-isolation", "Isolated: no phone, no language, no contacts", "Coercion"),
        ("commercial-sex-minor", "A minor in commercial sex (no force needed)", "Minor"),
    ];

    public static readonly IReadOnlyList<(string Key, string Label)> Needs =
    [
        ("shelter", "Shelter"),
        ("medical", "Medical"),
        ("legal", "Legal"),
        ("transport", "Transport"),
        ("interpretation", "Interpretation"),
        ("case-management", "Case management"),
    ];

    public static readonly IReadOnlyList<string> RiskLevels = ["Low", "Medium", "High", "Critical"];
}
