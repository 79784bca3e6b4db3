namespace Hotline.Web.Referrals.Hsds;

/// <summary>One problem in an imported file, at a JSONPath into it (<c>$.organizations[0].services[0].phones[1].number</c>).</summary>
public sealed record HsdsError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
