namespace Hotline.Web.Telephony;

/// <summary>The fields of a Twilio inbound SMS webhook the hotline uses.</summary>
public sealed record SmsWebhook(string MessageSid, string From, string To, string Body)
{
    private const int MaxBodyLength = 1600; // Twilio's own limit for one message

    public static SmsWebhook? FromForm(IFormCollection form)
    {
        var sid = form["MessageSid"].ToString();
        var from = form["From"].ToString();
        if (sid.Length is < 10 or > 64 || from.Length is 0 or > 40) return null;
        var body = form["Body"].ToString();
        if (body.Length > MaxBodyLength) body = body[..MaxBodyLength];
        return new SmsWebhook(sid, from, FormValues.Short(form["To"], 40) ?? "", body);
    }
}
