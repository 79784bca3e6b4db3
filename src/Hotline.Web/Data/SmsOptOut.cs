namespace Hotline.Web.Data;

/// <summary>A sender who texted STOP. Keyed by the caller hash, never the number.</summary>
public class SmsOptOut
{
    public string CallerHash { get; set; } = "";
    public DateTimeOffset At { get; set; }
}
