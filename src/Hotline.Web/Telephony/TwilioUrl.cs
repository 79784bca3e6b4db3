namespace Hotline.Web.Telephony;

public static class TwilioUrl
{
    /// <summary>The absolute URL of this request as Twilio requested it (what the signature covers).</summary>
    public static string AsTwilioSawIt(HttpRequest request, Uri? publicBaseUrl)
    {
        var pathAndQuery = $"{request.PathBase}{request.Path}{request.QueryString}";
        if (publicBaseUrl is not null)
            return publicBaseUrl.GetLeftPart(UriPartial.Authority) + publicBaseUrl.AbsolutePath.TrimEnd('/') + pathAndQuery;
        return $"{request.Scheme}://{request.Host}{pathAndQuery}";
    }
}
