namespace Hotline.Web.Telephony;

/// <summary>Carrier-standard SMS keywords (the ones Twilio's opt-out handling recognises).</summary>
public static class SmsKeywords
{
    private static readonly HashSet<string> Stop = new(StringComparer.OrdinalIgnoreCase)
        { "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT" };
    private static readonly HashSet<string> Start = new(StringComparer.OrdinalIgnoreCase) { "START", "UNSTOP" };
    private static readonly HashSet<string> Help = new(StringComparer.OrdinalIgnoreCase) { "HELP", "INFO" };

    public static bool IsStop(string body) => Stop.Contains(body.Trim());
    public static bool IsStart(string body) => Start.Contains(body.Trim());
    public static bool IsHelp(string body) => Help.Contains(body.Trim());
}
