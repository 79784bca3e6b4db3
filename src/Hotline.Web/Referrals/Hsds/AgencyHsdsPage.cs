namespace Hotline.Web.Referrals.Hsds;

/// <summary>The HSDS page; <paramref name="Checked"/> is what a checked-only upload would do.</summary>
public sealed record AgencyHsdsPage(HsdsImportResult? Checked);

/// <summary>The upload form: the file, and whether only to check it (say what would change, write nothing).</summary>
public sealed class AgencyHsdsUpload
{
    public IFormFile? File { get; set; }
    public bool CheckOnly { get; set; }
}
