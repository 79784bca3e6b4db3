using System.Text.Json;
using Hotline.Core.Cases;

namespace Hotline.Web.Operators;

/// <summary>One field two people changed since the page was loaded: refused, shown as old -> theirs, yours kept on the form.</summary>
public sealed record FieldConflict(string Field, string WhenYouOpened, string Theirs, string Yours);

/// <summary>What a save does: the classification to store, and the fields refused because someone else changed them too.</summary>
public sealed record ClassificationMergeResult(ClassificationForm Stored, ClassificationForm Shown, IReadOnlyList<FieldConflict> Conflicts, IReadOnlyList<string> Changed);

/// <summary>
/// A three-way merge of the classification form: what the page loaded, what is stored now, what the operator
/// submitted. Last write wins erased other operators' work; this saves every field only one side changed and
/// refuses (naming it) every field both changed differently.
/// </summary>
public static class ClassificationMerge
{
    private sealed record Field(string Name, Func<ClassificationForm, string> Value, Action<ClassificationForm, ClassificationForm> Copy);

    private static readonly Field[] Fields =
    [
        new("Contact type", f => f.ContactType?.ToString() ?? "", (from, to) => to.ContactType = from.ContactType),
        new("Trafficking type", f => f.TraffickingType?.ToString() ?? "", (from, to) => to.TraffickingType = from.TraffickingType),
        new("Venue or industry", f => Clean(f.Venue) ?? "", (from, to) => to.Venue = from.Venue),
        new("Jurisdiction", f => Clean(f.Jurisdiction)?.ToUpperInvariant() ?? "", (from, to) => to.Jurisdiction = from.Jurisdiction),
        new("People involved", f => f.PeopleInvolved?.ToString() ?? "", (from, to) => to.PeopleInvolved = from.PeopleInvolved),
        new("A minor is involved", f => f.ChildInvolved ? "yes" : "no", (from, to) => to.ChildInvolved = from.ChildInvolved),
        new("Immediate danger", f => f.ImminentDanger ? "yes" : "no", (from, to) => to.ImminentDanger = from.ImminentDanger),
        new("Indicators", f => string.Join(", ", f.Indicators.Distinct().Order()), (from, to) => to.Indicators = [.. from.Indicators]),
        new("Needs", f => string.Join(", ", f.Needs.Distinct().Order()), (from, to) => to.Needs = [.. from.Needs]),
        new("Risk level", f => Clean(f.RiskLevel) ?? "", (from, to) => to.RiskLevel = from.RiskLevel),
        new("Narrative", f => Clean(f.Narrative) ?? "", (from, to) => to.Narrative = from.Narrative),
        new("Safety plan", f => Clean(f.SafetyPlan) ?? "", (from, to) => to.SafetyPlan = from.SafetyPlan),
    ];

    public static ClassificationMergeResult Merge(ClassificationForm loaded, ClassificationForm current, ClassificationForm submitted)
    {
        var stored = Copy(current);
        var conflicts = new List<FieldConflict>();
        var changed = new List<string>();
        foreach (var field in Fields)
        {
            var (was, theirs, yours) = (field.Value(loaded), field.Value(current), field.Value(submitted));
            if (yours == was || yours == theirs) continue; // untouched by this operator, or both agree
            if (theirs != was)
            {
                conflicts.Add(new FieldConflict(field.Name, Show(was), Show(theirs), Show(yours)));
                continue;
            }
            field.Copy(submitted, stored);
            changed.Add(field.Name);
        }
        // The form shown again keeps the operator's input where it was refused; everything else is what is stored.
        var shown = Copy(stored);
        foreach (var field in Fields.Where(f => conflicts.Any(c => c.Field == f.Name))) field.Copy(submitted, shown);
        return new ClassificationMergeResult(stored, shown, conflicts, changed);
    }

    /// <summary>The snapshot a page carries of what it loaded.</summary>
    public static string Snapshot(ClassificationForm form) => JsonSerializer.Serialize(Copy(form));

    /// <summary>The snapshot back, or null when it is missing or not ours (an old page, a hand-made request).</summary>
    public static ClassificationForm? FromSnapshot(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            return JsonSerializer.Deserialize<ClassificationForm>(json) is { } form ? Copy(form) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static ClassificationForm Copy(ClassificationForm f) => new()
    {
        ContactType = f.ContactType, TraffickingType = f.TraffickingType, Venue = f.Venue, Jurisdiction = f.Jurisdiction,
        PeopleInvolved = f.PeopleInvolved, ChildInvolved = f.ChildInvolved, ImminentDanger = f.ImminentDanger,
        Indicators = [.. f.Indicators ?? []], Needs = [.. f.Needs ?? []], RiskLevel = f.RiskLevel, Narrative = f.Narrative, SafetyPlan = f.SafetyPlan,
    };

    private static string Show(string value) => value.Length == 0 ? "(empty)" : value;

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
