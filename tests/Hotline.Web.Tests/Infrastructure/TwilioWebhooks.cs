using System.Net;
using System.Xml.Linq;
using Hotline.Simulator;

namespace Hotline.Web.Tests.Infrastructure;

/// <summary>Sends Twilio-shaped, correctly signed webhooks to the app, as Twilio would.</summary>
public sealed class TwilioWebhooks(HttpClient client, string authToken = HotlineApp.AuthToken)
{
    public const string CallerNumber = "+15557654321";

    public static string NewCallSid() => "CA" + Guid.NewGuid().ToString("N");
    public static string NewMessageSid() => "SM" + Guid.NewGuid().ToString("N");

    public async Task<HttpResponseMessage> PostAsync(string pathAndQuery, IDictionary<string, string> form, string? signature = null)
    {
        var url = HotlineApp.PublicBaseUrl + pathAndQuery;
        var request = new HttpRequestMessage(HttpMethod.Post, pathAndQuery) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", signature ?? TwilioSignature.Compute(authToken, url, form));
        return await client.SendAsync(request);
    }

    public async Task<Twiml> VoiceAsync(string pathAndQuery, string callSid, IDictionary<string, string>? extra = null)
    {
        var form = new Dictionary<string, string>
            { ["CallSid"] = callSid, ["From"] = CallerNumber, ["To"] = HotlineApp.HotlineNumber,
                ["AccountSid"] = TwilioApiMock.AccountSid };
        foreach (var (k, v) in extra ?? new Dictionary<string, string>()) form[k] = v;
        var response = await PostAsync(pathAndQuery, form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new Twiml(await response.Content.ReadAsStringAsync());
    }

    public Task<Twiml> IncomingAsync(string callSid) => VoiceAsync("/twilio/voice/incoming", callSid);

    /// <summary>Presses <paramref name="digits"/> on the gather the last TwiML asked for.</summary>
    public Task<Twiml> PressAsync(string callSid, Twiml last, string digits) =>
        VoiceAsync(
            last.GatherAction ?? throw new InvalidOperationException("no gather in: " + last.Xml), callSid,
            new Dictionary<string, string> { ["Digits"] = digits });

    public async Task<HttpStatusCode> StatusAsync(string callSid, string status)
    {
        var form = new Dictionary<string, string>
            { ["CallSid"] = callSid, ["CallStatus"] = status, ["From"] = CallerNumber, ["To"] = HotlineApp.HotlineNumber };
        return (await PostAsync("/twilio/voice/status", form)).StatusCode;
    }

    /// <param name="to">The hotline address written to: <c>whatsapp:+1...</c> for WhatsApp.</param>
    public async Task<Twiml> SmsAsync(
        string body, string from = CallerNumber, string? messageSid = null, string to = HotlineApp.HotlineNumber)
    {
        var form = new Dictionary<string, string>
            { ["MessageSid"] = messageSid ?? NewMessageSid(), ["From"] = from, ["To"] = to, ["Body"] = body };
        var response = await PostAsync("/twilio/sms/incoming", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new Twiml(await response.Content.ReadAsStringAsync());
    }
}

/// <summary>A TwiML answer, with the bits tests look at.</summary>
public sealed class Twiml(string xml)
{
    public string Xml { get; } = xml;
    private readonly XDocument _doc = XDocument.Parse(xml);

    public IReadOnlyList<string> Says => _doc.Descendants("Say").Select(s => s.Value).ToList();
    public string AllText => string.Join(" ", Says.Concat(_doc.Descendants("Message").Select(m => m.Value)));
    public string? GatherAction => _doc.Descendants("Gather").FirstOrDefault()?.Attribute("action")?.Value;
    public bool Has(string verb) => _doc.Descendants(verb).Any();
    public string? Enqueued => _doc.Descendants("Enqueue").FirstOrDefault()?.Value;
    public string? MessageBody => _doc.Descendants("Message").FirstOrDefault()?.Value;
    /// <summary>Where Twilio reports the delivery of the reply (the status callback naming its transcript row).</summary>
    public string? MessageAction => _doc.Descendants("Message").FirstOrDefault()?.Attribute("action")?.Value;
}
