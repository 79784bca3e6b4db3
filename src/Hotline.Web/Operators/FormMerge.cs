using System.Text.Json;

namespace Hotline.Web.Operators;

/// <summary>One field of a case form, as the three-way merge sees it: its name, its value in words, how to copy it.</summary>
public sealed record MergeField<TForm>(string Name, Func<TForm, string> Value, Action<TForm, TForm> Copy);

/// <summary>What a merge decided: the form to store, the one to show again, the refused fields and the saved ones.</summary>
public sealed record FormMergeResult<TForm>(
    TForm Stored, TForm Shown, IReadOnlyList<FieldConflict> Conflicts, IReadOnlyList<string> Changed)
{
    /// <summary>For the audit entry: empty, or which fields were refused because someone else changed them too.</summary>
    public string RefusedNote => Conflicts.Count == 0 ? ""
        : $"; refused (changed by someone else too): {string.Join(", ", Conflicts.Select(c => c.Field))}";

    /// <summary>For the operator: what else of theirs was saved.</summary>
    public string SavedNote => Changed.Count == 0 ? "Nothing else was changed."
        : $"Your other changes were saved ({string.Join(", ", Changed)}).";
}

/// <summary>
/// A three-way merge of a case form: what the page loaded, what is stored now, what the operator submitted.
/// Last write wins erased other people's work (an operator's, or a caller's answer written by a webhook);
/// this saves every field only the operator changed and refuses, by name, every field both changed differently.
/// </summary>
public static class FormMerge
{
    public static FormMergeResult<TForm> Merge<TForm>(
        IReadOnlyList<MergeField<TForm>> fields, TForm loaded, TForm current, TForm submitted, Func<TForm, TForm> copy)
    {
        var stored = copy(current);
        var conflicts = new List<FieldConflict>();
        var changed = new List<string>();
        foreach (var field in fields)
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
        var shown = copy(stored);
        foreach (var field in fields.Where(f => conflicts.Any(c => c.Field == f.Name))) field.Copy(submitted, shown);
        return new FormMergeResult<TForm>(stored, shown, conflicts, changed);
    }

    /// <summary>old -> theirs, field by field, for a message.</summary>
    public static string Describe(IEnumerable<FieldConflict> conflicts) =>
        string.Join("; ", conflicts.Select(c => $"{c.Field}: {c.WhenYouOpened} -> theirs: {c.Theirs}"));

    /// <summary>The snapshot a page carries of what it loaded (only the merged fields, through <paramref name="copy"/>).</summary>
    public static string Snapshot<TForm>(TForm form, Func<TForm, TForm> copy) => JsonSerializer.Serialize(copy(form));

    /// <summary>The snapshot back, or null when it is missing or not ours (an old page, a hand-made request).</summary>
    public static TForm? FromSnapshot<TForm>(string? json, Func<TForm, TForm> copy)
        where TForm : class
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            return JsonSerializer.Deserialize<TForm>(json) is { } form ? copy(form) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A text field as compared: blank is empty, surrounding spaces do not count as a change.</summary>
    public static string Text(string? text) => string.IsNullOrWhiteSpace(text) ? "" : text.Trim();

    private static string Show(string value) => value.Length == 0 ? "(empty)" : value;
}
