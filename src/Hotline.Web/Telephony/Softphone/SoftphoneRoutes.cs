namespace Hotline.Web.Telephony.Softphone;

public static class SoftphoneRoutes
{
    /// <summary>The browser phone's access token (console, signed-in staff).</summary>
    public const string Token = "/softphone/token";

    /// <summary>The TwiML App's voice URL: Twilio asks it when an advocate's browser places its call (signed webhook).</summary>
    public const string Voice = "/twilio/softphone/voice";

    /// <summary>The custom parameter the browser sends with its call: which contact (call) it joins.</summary>
    public const string ContactParameter = "contact";
}
