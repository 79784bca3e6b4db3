using System.Globalization;

namespace Hotline.Web.Operators;

/// <summary>One field two people changed since the page was loaded: refused, shown as old -> theirs, yours kept on the form.</summary>
public sealed record FieldConflict(string Field, string WhenYouOpened, string Theirs, string Yours);

/// <summary>
/// The classification form's fields for <see cref="FormMerge"/>, and the snapshot of what a page loaded
/// (carried in the form) that the merge needs.
/// </summary>
public static class ClassificationMerge
{
    private static readonly MergeField<ClassificationForm>[] Fields =
    [
        new("Contact type", f => f.ContactType?.ToString() ?? "", (from, to) => to.ContactType = from.ContactType),
        new("Trafficking type", f => f.TraffickingType?.ToString() ?? "", (from, to) => to.TraffickingType = from.TraffickingType),
        new("Venue or industry", f => FormMerge.Text(f.Venue), (from, to) => to.Venue = from.Venue),
        new("Jurisdiction", f => FormMerge.Text(f.Jurisdiction).ToUpperInvariant(), (from, to) => to.Jurisdiction = from.Jurisdiction),
        new(
            "People involved", f => f.PeopleInvolved?.ToString(CultureInfo.InvariantCulture) ?? "",
            (from, to) => to.PeopleInvolved = from.PeopleInvolved),
        new("A minor is involved", f => f.ChildInvolved ? "yes" : "no", (from, to) => to.ChildInvolved = from.ChildInvolved),
        new("Immediate danger", f => f.ImminentDanger ? "yes" : "no", (from, to) => to.ImminentDanger = from.ImminentDanger),
        new("Indicators", f => string.Join(", ", f.Indicators.Distinct().Order()), (from, to) => to.Indicators = [.. from.Indicators]),
        new("Needs", f => string.Join(", ", f.Needs.Distinct().Order()), (from, to) => to.Needs = [.. from.Needs]),
        new("Risk level", f => FormMerge.Text(f.RiskLevel), (from, to) => to.RiskLevel = from.RiskLevel),
        new("Narrative", f => FormMerge.Text(f.Narrative), (from, to) => to.Narrative = from.Narrative),
        new("Safety plan", f => FormMerge.Text(f.SafetyPlan), (from, to) => to.SafetyPlan = from.SafetyPlan),
    ];

    public static FormMergeResult<ClassificationForm> Merge(
        ClassificationForm loaded, ClassificationForm current, ClassificationForm submitted) =>
        FormMerge.Merge(Fields, loaded, current, submitted, Copy);

    public static string Snapshot(ClassificationForm form) => FormMerge.Snapshot(form, Copy);

    public static ClassificationForm? FromSnapshot(string? json) => FormMerge.FromSnapshot<ClassificationForm>(json, Copy);

    private static ClassificationForm Copy(ClassificationForm f) => new()
    {
        ContactType = f.ContactType, TraffickingType = f.TraffickingType, Venue = f.Venue, Jurisdiction = f.Jurisdiction,
        PeopleInvolved = f.PeopleInvolved, ChildInvolved = f.ChildInvolved, ImminentDanger = f.ImminentDanger,
        Indicators = [.. f.Indicators ?? []], Needs = [.. f.Needs ?? []], RiskLevel = f.RiskLevel, Narrative = f.Narrative,
        SafetyPlan = f.SafetyPlan,
    };

}
