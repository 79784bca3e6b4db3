using System.Security.Cryptography;
using System.Text;

namespace Hotline.Web.Referrals;

/// <summary>
/// Signs agency webhooks per the Standard Webhooks specification (see docs/agency-webhooks.md): headers webhook-id (the
/// delivery id), webhook-timestamp (Unix seconds) and webhook-signature "v1,{base64 HMAC-SHA256 of id.timestamp.body}", so
/// receivers can verify with a maintained library. The timestamp is inside the signature: a captured request cannot be
/// replayed later. The older X-Hotline-* headers are sent alongside until they are retired (date in the docs).
/// </summary>
public static class WebhookSignature
{
    public const string IdHeader = "webhook-id";
    public const string StandardTimestampHeader = "webhook-timestamp";
    public const string StandardSignatureHeader = "webhook-signature";
    /// <summary>How the signing key is written for Standard Webhooks libraries: this prefix, then the key in base64.</summary>
    public const string SecretPrefix = "whsec_";

    /// <summary>Legacy (sent for one more release): HMAC-SHA256 over "{timestamp}.{body}", hex.</summary>
    public const string TimestampHeader = "X-Hotline-Timestamp";
    /// <summary>Legacy (sent for one more release).</summary>
    public const string SignatureHeader = "X-Hotline-Signature";
    /// <summary>The same on every retry of one notification, so receivers can drop the repeats (delivery is at-least-once).
    /// Equal to webhook-id; kept for receivers written before it, and on e-mails as a header.</summary>
    public const string DeliveryIdHeader = "Hotline-Delivery-Id";

    /// <summary>The legacy X-Hotline-Signature value.</summary>
    public static string Sign(byte[] secret, string timestamp, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(timestamp + "." + body)));

    /// <summary>The webhook-signature value: version 1 (HMAC-SHA256), base64 over "{id}.{timestamp}.{body}".</summary>
    public static string SignStandard(byte[] secret, string id, string timestamp, string body) =>
        "v1," + Convert.ToBase64String(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));

    /// <summary>The key as agencies configure it in a Standard Webhooks library: whsec_ + base64.</summary>
    public static string StandardSecret(byte[] secret) => SecretPrefix + Convert.ToBase64String(secret);
}
