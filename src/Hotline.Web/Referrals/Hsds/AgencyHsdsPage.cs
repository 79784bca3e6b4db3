namespace Hotline.Web.Referrals.Hsds;

/// <summary>
/// The HSDS page; <paramref name="Checked"/> is what a checked-only upload would do, <paramref name="Errors"/> every error of a
/// refused file (listed by the page itself: model state keeps only the first 200).
/// </summary>
public sealed record AgencyHsdsPage(HsdsImportResult? Checked, IReadOnlyList<HsdsError>? Errors = null);

/// <summary>The upload form: the file, and whether only to check it (say what would change, write nothing).</summary>
public sealed class AgencyHsdsUpload
{
    public IFormFile? File { get; set; }
    public bool CheckOnly { get; set; }
}
