namespace Hotline.Web.Telephony.Callbacks;

public static class CallbackRoutes
{
    /// <summary>Twilio's answering-machine detection result for one attempt (signed webhook).</summary>
    public const string Amd = "/twilio/callback/amd";

    /// <summary>Twilio's final status of the call to the caller for one attempt (signed webhook).</summary>
    public const string Status = "/twilio/callback/status";

    /// <summary>The console action: call this case's caller back (signed-in staff, anti-forgery).</summary>
    public static string CallBack(Guid caseId) => $"/cases/{caseId}/call-back";

    public static string AmdFor(Guid attemptId) => $"{Amd}?attempt={attemptId:N}";

    public static string StatusFor(Guid attemptId) => $"{Status}?attempt={attemptId:N}";
}
