namespace Hotline.Simulator;

/// <summary>Plays an SMS conversation: each text is one signed webhook; the caller reads every &lt;Message&gt; answered.</summary>
public sealed class SmsConversation(WebhookClient client, CallOptions options, ICallerInput input, TextWriter? output = null)
{
    public const string IncomingPath = "/twilio/sms/incoming";

    public async Task<IReadOnlyList<string>> PlayAsync(CancellationToken ct = default)
    {
        var replies = new List<string>();
        var last = "";
        while (input.Next(last) is { } text)
        {
            output?.WriteLine($"  (caller texts \"{text}\")");
            var form = new Dictionary<string, string>
            {
                ["AccountSid"] = options.AccountSid, ["MessageSid"] = "SM" + Guid.NewGuid().ToString("N"),
                ["From"] = options.From, ["To"] = options.To, ["Body"] = text, ["NumMedia"] = "0", ["ApiVersion"] = "2010-04-01",
            };
            var body = (await client.PostAsync(IncomingPath, form, ct)).Body;
            var messages = TwimlDocument.Parse(body, IncomingPath).Elements().Where(e => e.Name.LocalName == "Message").Select(e => e.Value)
                .ToList();
            if (messages.Count == 0) output?.WriteLine("[no reply]");
            foreach (var message in messages) output?.WriteLine(message);
            replies.AddRange(messages);
            last = messages.LastOrDefault() ?? "";
        }
        return replies;
    }
}
