namespace Hotline.Web.Telephony;

/// <summary>The fields of a Twilio voice webhook the hotline uses.</summary>
public sealed record CallWebhook(string CallSid, string? From, string? To)
{
    public static CallWebhook? FromForm(IFormCollection form)
    {
        var sid = form["CallSid"].ToString();
        // Twilio CallSids are "CA" + 32 hex characters; anything else is not a call we can track.
        if (sid.Length is < 10 or > 64 || !sid.StartsWith("CA", StringComparison.Ordinal)) return null;
        return new CallWebhook(sid, FormValues.Short(form["From"], 40), FormValues.Short(form["To"], 40));
    }
}
