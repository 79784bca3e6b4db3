namespace Hotline.Web.Referrals.Hsds;

/// <summary>What an import did to one agency (or would do, when only checked).</summary>
public enum HsdsImportAction
{
    Add,
    Update,
    Unchanged,
}

public sealed record HsdsImportStep(Guid Id, string Name, HsdsImportAction Action);

/// <summary>
/// The outcome of an import: errors (then nothing was written), or the step taken for each agency in the file.
/// Agencies in the directory but not in the file are left as they are: an import merges, it never removes.
/// </summary>
public sealed record HsdsImportResult(IReadOnlyList<HsdsError> Errors, IReadOnlyList<HsdsImportStep> Steps, bool Written)
{
    public bool Succeeded => Errors.Count == 0;

    public string Summary =>
        $"{Count(HsdsImportAction.Add)} added, {Count(HsdsImportAction.Update)} updated, {Count(HsdsImportAction.Unchanged)} unchanged"
        + (Written ? "" : " (checked only: nothing written)");

    private int Count(HsdsImportAction action) => Steps.Count(s => s.Action == action);
}
