using System.Globalization;
using System.Xml.Linq;

namespace Hotline.Simulator;

/// <summary>
/// Plays a call the way Twilio would, following whatever TwiML the service answers (Say, Gather, Enqueue,
/// Record, Leave, Hangup, Redirect, Pause, Dial), so it keeps working when the flows change. Voice only;
/// see <see cref="SmsConversation"/> for texts.
/// </summary>
public sealed class TwimlPlayer(WebhookClient client, CallOptions options, ICallerInput input, TextWriter? output = null)
{
    public const string IncomingPath = "/twilio/voice/incoming";
    public const string StatusPath = "/twilio/voice/status";

    /// <summary>The next webhook Twilio would send, or the end of the call.</summary>
    private sealed record Next(string PathAndQuery, Dictionary<string, string> Extra, bool CallerGone = false);

    public async Task<CallTranscript> PlayCallAsync(string callSid, CancellationToken ct = default)
    {
        var call = new CallTranscript(callSid);
        Next? next = new(IncomingPath, []);
        while (next is not null)
        {
            var body = await PostAsync(call, next.PathAndQuery, next.Extra, ct);
            if (next.CallerGone) break; // e.g. QueueResult=hangup: Twilio reports it, nobody hears the answer
            next = await PlayAsync(call, TwimlDocument.Parse(body, next.PathAndQuery), next.PathAndQuery, ct);
        }
        if (options.SendStatusCallback)
            await PostAsync(call, StatusPath, new() { ["CallStatus"] = "completed", ["CallDuration"] = "60" }, ct);
        return call;
    }

    private async Task<Next?> PlayAsync(CallTranscript call, XElement response, string current, CancellationToken ct)
    {
        foreach (var verb in response.Elements())
        {
            switch (verb.Name.LocalName)
            {
                case "Say":
                    Hear(call, verb.Value);
                    break;
                case "Play":
                    Hear(call, "[audio]");
                    break;
                case "Pause":
                    Hear(call, $"[pause {verb.Attribute("length")?.Value ?? "1"} s]");
                    break;
                case "Gather":
                    return Gather(call, verb, current);
                case "Enqueue":
                    return await EnqueueAsync(call, verb, current, ct);
                case "Record":
                    return await RecordAsync(call, verb, current, ct);
                case "Redirect":
                    return new Next(Resolve(current, verb.Value), []);
                case "Dial":
                    Hear(call, $"[dial {verb.Value.Trim()}]");
                    return End(call);
                case "Hangup" or "Reject":
                    return End(call);
                case "Leave":
                    break; // only means something in a queue's wait music
                default:
                    throw new SimulationException($"{current} answered a verb the player does not know: <{verb.Name.LocalName}>");
            }
        }
        return End(call); // Twilio hangs up when the document runs out
    }

    private Next? Gather(CallTranscript call, XElement gather, string current)
    {
        var prompt = string.Join(" ", gather.Elements().Where(e => e.Name.LocalName == "Say").Select(e => e.Value));
        Hear(call, prompt);
        if (options.HangupAfter is { } limit && call.Pressed.Count >= limit) return End(call);
        var answer = input.Next(prompt);
        if (answer is null) return End(call);
        call.Pressed.Add(answer);
        output?.WriteLine(answer.Length == 0 ? "  (caller stays silent)" : $"  (caller presses {answer})");
        var action = gather.Attribute("action")?.Value is { Length: > 0 } a ? Resolve(current, a) : current;
        return new Next(action, answer.Length == 0 ? [] : new() { ["Digits"] = answer });
    }

    private async Task<Next?> EnqueueAsync(CallTranscript call, XElement enqueue, string current, CancellationToken ct)
    {
        call.EnqueuedIn = enqueue.Value.Trim();
        Hear(call, $"[queue {call.EnqueuedIn}]");
        var result = options.QueueResult;
        if (enqueue.Attribute("waitUrl")?.Value is { Length: > 0 } waitUrl)
        {
            for (var poll = 0; poll < options.QueueWaitPolls && result == options.QueueResult; poll++)
            {
                var path = Resolve(current, waitUrl);
                var extra = new Dictionary<string, string>
                {
                    ["QueuePosition"] = "1", ["QueueTime"] = (poll * 20).ToString(CultureInfo.InvariantCulture),
                    ["AvgQueueTime"] = "30", ["CurrentQueueSize"] = "1", ["QueueSid"] = "QU00000000000000000000000000000000",
                };
                var wait = TwimlDocument.Parse(await PostAsync(call, path, extra, ct), path);
                foreach (var verb in wait.Descendants())
                {
                    if (verb.Name.LocalName == "Say") Hear(call, verb.Value);
                    else if (verb.Name.LocalName == "Leave") result = "leave";
                    else if (verb.Name.LocalName == "Hangup") result = "hangup";
                }
            }
        }
        Hear(call, $"[queue result: {result}]");
        if (enqueue.Attribute("action")?.Value is not { Length: > 0 } action) return result == "hangup" ? End(call) : null;
        return new Next(Resolve(current, action), new() { ["QueueResult"] = result, ["QueueTime"] = "20" }, CallerGone: result == "hangup");
    }

    private async Task<Next?> RecordAsync(CallTranscript call, XElement record, string current, CancellationToken ct)
    {
        Hear(call, "[recording]");
        call.Recorded = true;
        var recordingSid = "RE" + Guid.NewGuid().ToString("N");
        var extra = new Dictionary<string, string>
        {
            ["RecordingSid"] = recordingSid, ["RecordingDuration"] = "12",
            ["RecordingUrl"] = $"https://api.twilio.com/2010-04-01/Accounts/{options.AccountSid}/Recordings/{recordingSid}",
        };
        if (record.Attribute("recordingStatusCallback")?.Value is { Length: > 0 } statusUrl)
            await PostAsync(call, Resolve(current, statusUrl), new(extra) { ["RecordingStatus"] = "completed" }, ct);
        var action = record.Attribute("action")?.Value is { Length: > 0 } a ? Resolve(current, a) : current;
        return new Next(action, extra);
    }

    private Next? End(CallTranscript call)
    {
        call.HungUp = true;
        Hear(call, "[hangup]");
        return null;
    }

    private async Task<string> PostAsync(CallTranscript call, string pathAndQuery, Dictionary<string, string> extra, CancellationToken ct)
    {
        var form = new Dictionary<string, string>
        {
            ["AccountSid"] = options.AccountSid, ["CallSid"] = call.CallSid, ["From"] = options.From, ["To"] = options.To,
            ["Direction"] = "inbound", ["CallStatus"] = "in-progress", ["ApiVersion"] = "2010-04-01",
        };
        foreach (var (key, value) in extra) form[key] = value;
        call.Webhooks++;
        return (await client.PostAsync(pathAndQuery, form, ct)).Body;
    }

    private void Hear(CallTranscript call, string text)
    {
        call.Heard.Add(text);
        output?.WriteLine(text);
    }

    /// <summary>TwiML URLs are relative to the URL that answered them; only the path and query go to the service.</summary>
    public static string Resolve(string current, string url) =>
        new Uri(new Uri(new Uri("http://service.invalid"), current), url).PathAndQuery;
}
