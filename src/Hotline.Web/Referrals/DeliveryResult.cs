namespace Hotline.Web.Referrals;

/// <summary>What a channel said: sent (with the provider's id) or failed with a reason fit for the console.</summary>
public sealed record DeliveryResult(bool Sent, string? ExternalId, string? Error)
{
    public static DeliveryResult Ok(string? externalId = null) => new(true, externalId, null);
    public static DeliveryResult Fail(string error) => new(false, null, error);
}
