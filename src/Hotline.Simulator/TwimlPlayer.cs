using System.Globalization;
using System.Xml.Linq;

namespace Hotline.Simulator;

/// <summary>
/// Plays a call the way Twilio would, following whatever TwiML the service answers (Say, Gather, Enqueue,
/// Record, Leave, Hangup, Redirect, Pause, Dial, Dial Conference), so it keeps working when the flows change. Voice only;
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

    /// <summary>
    /// Plays TwiML Twilio was handed through its REST API for a call already in progress: what the caller hears after
    /// an advocate takes the call (the service redirects it into the conference), to the end of the call.
    /// </summary>
    public async Task<CallTranscript> PlayRedirectAsync(CallTranscript call, string twiml, CancellationToken ct = default)
    {
        var next = await PlayAsync(call, TwimlDocument.Parse(twiml, "(redirect)"), IncomingPath, ct);
        while (next is not null)
        {
            var body = await PostAsync(call, next.PathAndQuery, next.Extra, ct);
            if (next.CallerGone) break;
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
                case "Dial" when verb.Elements().FirstOrDefault(e => e.Name.LocalName == "Conference") is { } room:
                    return await ConferenceAsync(call, room, current, ct);
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

    /// <summary>
    /// The caller joins a conference: Twilio reports the join to its status callback, plays the wait URL until
    /// someone starts the room, and reports the caller leaving (which ends the room when endConferenceOnExit is set).
    /// </summary>
    private async Task<Next?> ConferenceAsync(CallTranscript call, XElement room, string current, CancellationToken ct)
    {
        call.Conference = room.Value.Trim();
        Hear(call, $"[conference {call.Conference}: the caller joins]");
        var conferenceSid = "CF" + Guid.NewGuid().ToString("N");
        var statusUrl = room.Attribute("statusCallback")?.Value is { Length: > 0 } s ? Resolve(current, s) : null;
        async Task ReportAsync(string what)
        {
            if (statusUrl is null) return;
            await PostAsync(call, statusUrl, new()
            {
                ["ConferenceSid"] = conferenceSid, ["FriendlyName"] = call.Conference, ["StatusCallbackEvent"] = what,
                ["ParticipantLabel"] = room.Attribute("participantLabel")?.Value ?? "", ["Muted"] = "false", ["Hold"] = "false",
            }, ct);
        }
        await ReportAsync("participant-join");
        if (room.Attribute("waitUrl")?.Value is { Length: > 0 } waitUrl)
        {
            var path = Resolve(current, waitUrl);
            var wait = TwimlDocument.Parse(await PostAsync(call, path, [], ct), path);
            foreach (var verb in wait.Elements())
            {
                if (verb.Name.LocalName == "Say") Hear(call, verb.Value);
                else if (verb.Name.LocalName == "Play") Hear(call, "[hold music]");
            }
        }
        Hear(call, "[conference: the caller talks with the advocate]");
        await ReportAsync("participant-leave");
        if (room.Attribute("endConferenceOnExit")?.Value == "true") await ReportAsync("conference-end");
        return End(call);
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
