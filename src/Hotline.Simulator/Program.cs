using Hotline.Simulator;

// A caller at the end of a phone line: plays a call or an SMS conversation against a running service
// with correctly signed Twilio webhooks, printing what the caller hears. Also draws the flows.
const string Usage = """
    usage:
      call  [--keys 1,1,2,...] [--hangup-after N] [--queue-result bridged|hangup|leave] [common options]
      sms   [--texts "hi,1,1,2"] [--whatsapp] [common options]
      graph [--flow flows/national.yaml ...] [--format mermaid|dot] [--out docs/flows/]
    common: --url http://127.0.0.1:5080  --auth-token TOKEN (default $Twilio__AuthToken)
            --public-base-url URL (when the service sets Hotline:PublicBaseUrl)  --from +1555...  --to +1555...
    without --keys / --texts, type one answer per prompt (empty = silence, end of input = hang up).
    """;

var cmd = new CommandLine(args);
try
{
    switch (cmd.Verb)
    {
        case "call":
        case "sms":
            return await PlayAsync(cmd);
        case "graph":
            var flows = CommandLine.List(cmd["flow"])
                ?? [.. Directory.GetFiles("flows", "*.yaml").Where(Hotline.Core.Flows.FlowLoader.IsFlowFile)];
            foreach (var format in CommandLine.List(cmd["format"]) ?? ["mermaid", "dot"])
            {
                foreach (var path in FlowPictures.Write(flows, format, cmd["out"] ?? "docs/flows"))
                    Console.WriteLine($"wrote {path}");
            }

            return 0;
        default:
            Console.Error.WriteLine(Usage);
            return 2;
    }
}
catch (SimulationException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"error: {e.Message}\n{Usage}");
    return 2;
}

static async Task<int> PlayAsync(CommandLine cmd)
{
    var token = cmd["auth-token"] ?? Environment.GetEnvironmentVariable("Twilio__AuthToken")
        ?? throw new ArgumentException("no auth token: pass --auth-token or set Twilio__AuthToken (./hotline simulate does)");
    var url = new Uri(cmd["url"] ?? "http://127.0.0.1:5080");
    var publicBase = cmd["public-base-url"] is { } p ? new Uri(p) : null;
    using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) }; // Twilio's own limit
    var client = new WebhookClient(http, url, token, publicBase);
    var options = new CallOptions
    {
        From = cmd["from"] ?? "+15555550123",
        To = cmd["to"] ?? "+15550100000",
        HangupAfter = cmd.Int("hangup-after"),
        QueueResult = cmd["queue-result"] ?? "bridged",
    };
    var script = CommandLine.List(cmd[cmd.Verb == "call" ? "keys" : "texts"]);
    ICallerInput input = script is null ? new KeyboardInput(Console.In, Console.Out) : new ScriptedInput(script);
    if (cmd.Verb == "sms")
    {
        // WhatsApp comes to the same webhook as SMS: Twilio marks both addresses with "whatsapp:".
        if (cmd.Has("whatsapp")) options = options with { From = "whatsapp:" + options.From, To = "whatsapp:" + options.To };
        await new SmsConversation(client, options, input, Console.Out).PlayAsync();
        return 0;
    }
    var sid = "CA" + Guid.NewGuid().ToString("N");
    Console.WriteLine($"[call {sid} from {options.From}]");
    var call = await new TwimlPlayer(client, options, input, Console.Out).PlayCallAsync(sid);
    Console.WriteLine($"[call ended: {call.Webhooks} webhooks, {call.Pressed.Count} answers]");
    return 0;
}
