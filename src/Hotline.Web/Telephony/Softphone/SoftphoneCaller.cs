namespace Hotline.Web.Telephony.Softphone;

/// <summary>Who is calling from a browser: Twilio names a Voice SDK client "client:identity" in From.</summary>
public static class SoftphoneCaller
{
    private const string Prefix = "client:";

    public static string? Identity(string? from) =>
        from is not null && from.StartsWith(Prefix, StringComparison.Ordinal) && from.Length > Prefix.Length ? from[Prefix.Length..] : null;
}
