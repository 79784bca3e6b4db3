using System.Net;
using Hotline.Web.Tests.Infrastructure;

namespace Hotline.Web.Tests.Conversations;

/// <summary>Texts as Twilio posts them, with the fields the plain helper leaves out (media, WhatsApp addresses).</summary>
public static class TexterMessages
{
    public const string WebhookPath = "/twilio/sms/incoming";

    /// <summary>A Twilio media link on the API host, as Twilio puts in MediaUrl{i}.</summary>
    public static string TwilioMediaUrl(string mediaSid) =>
        $"https://api.twilio.com/2010-04-01/Accounts/{TwilioApiMock.AccountSid}/Messages/MM{Guid.NewGuid():N}/Media/{mediaSid}";

    public static async Task<Twiml> SendAsync(
        TwilioWebhooks twilio, string from, string body, string? messageSid = null, string to = HotlineApp.HotlineNumber,
        IReadOnlyList<(string Url, string ContentType)>? media = null)
    {
        var form = new Dictionary<string, string>
        {
            ["MessageSid"] = messageSid ?? TwilioWebhooks.NewMessageSid(), ["AccountSid"] = TwilioApiMock.AccountSid,
            ["From"] = from, ["To"] = to, ["Body"] = body,
            ["NumMedia"] = (media?.Count ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        for (var i = 0; i < (media?.Count ?? 0); i++)
        {
            form[$"MediaUrl{i}"] = media![i].Url;
            form[$"MediaContentType{i}"] = media[i].ContentType;
        }
        var response = await twilio.PostAsync(WebhookPath, form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new Twiml(await response.Content.ReadAsStringAsync());
    }
}
