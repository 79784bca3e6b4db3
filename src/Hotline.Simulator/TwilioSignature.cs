using System.Security.Cryptography;
using System.Text;

namespace Hotline.Simulator;

/// <summary>
/// Computes X-Twilio-Signature the way Twilio does: HMAC-SHA1 with the auth token over the full URL
/// followed by every form key and value, keys sorted ordinally; base64.
/// </summary>
public static class TwilioSignature
{
    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>> form)
    {
        var data = new StringBuilder(url);
        foreach (var (key, value) in form.OrderBy(p => p.Key, StringComparer.Ordinal)) data.Append(key).Append(value);
#pragma warning disable CA5350 // Twilio signs webhooks with HMAC-SHA1; the simulator has to do the same.
        using var hmac = new HMACSHA1(Encoding.UTF8.GetBytes(authToken));
#pragma warning restore CA5350
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(data.ToString())));
    }
}
