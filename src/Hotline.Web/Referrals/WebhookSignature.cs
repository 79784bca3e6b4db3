using System.Security.Cryptography;
using System.Text;

namespace Hotline.Web.Referrals;

/// <summary>
/// Signs agency webhooks: HMAC-SHA256 over "{timestamp}.{body}" (see docs/agency-webhooks.md).
/// The timestamp is inside the signature so a captured request cannot be replayed later.
/// </summary>
public static class WebhookSignature
{
    public const string TimestampHeader = "X-Hotline-Timestamp";
    public const string SignatureHeader = "X-Hotline-Signature";
    /// <summary>The same on every retry of one notification, so receivers can drop the repeats (delivery is at-least-once).</summary>
    public const string DeliveryIdHeader = "Hotline-Delivery-Id";

    public static string Sign(byte[] secret, string timestamp, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(timestamp + "." + body)));
}
