namespace Hotline.Web.Telephony.LiveCalls;

/// <summary>The Twilio Client identity an advocate answers with in the browser: the user's id, never their name or e-mail.</summary>
public static class AdvocateIdentity
{
    public static string For(string userId) => "advocate-" + userId;
}
