using Hotline.Web.Tests.Infrastructure;

namespace Hotline.Web.Tests.Callbacks;

/// <summary>The app with a softphone set up: an API key (its secret signs tokens) and a TwiML App.</summary>
public sealed class SoftphoneFixture : AppFixture
{
    public const string ApiKeySid = "SK0123456789abcdef0123456789abcdef";
    public const string ApiKeySecret = "softphone-test-api-key-secret-0123456789";
    public const string TwimlAppSid = "AP0123456789abcdef0123456789abcdef";

    public static Dictionary<string, string?> SoftphoneSettings() => new()
    {
        ["Twilio:ApiKeySid"] = ApiKeySid, ["Twilio:ApiKeySecret"] = ApiKeySecret, ["Twilio:TwimlAppSid"] = TwimlAppSid,
    };

    protected override IDictionary<string, string?> Settings => SoftphoneSettings();
}
