using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Hotline.Web.Public;

/// <summary>
/// When the tip form was served, signed (HMAC-SHA256) and carried in a hidden field. It stands in for the
/// anti-forgery cookie, which a public anonymous form does not need and must not leave: nothing stays on a
/// visitor's device. A cross-site post gains an attacker nothing here (no session is ridden; the visitor is
/// anonymous), while the stamp still lets us refuse what a person cannot do: a report sent within seconds of the
/// page (a script), or with a made-up or very old stamp. Any node checks it: the key derives from the caller-hash
/// key all nodes share.
/// </summary>
public sealed class TipFormStamp(byte[] key, TimeProvider clock)
{
    /// <summary>A stamp older than this is stale (the form was left open for a day): the form comes back to be sent again.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(24);

    public static TipFormStamp FromSecret(byte[] secret, TimeProvider clock) =>
        new(HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: Encoding.ASCII.GetBytes("hotline public form stamp")), clock);

    public string Issue()
    {
        var issued = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return issued + "." + Base64Url.EncodeToString(Sign(issued));
    }

    /// <summary>How long ago the stamp was issued, or null when it is missing, forged, from the future or stale.</summary>
    public TimeSpan? AgeOf(string? stamp)
    {
        if (stamp is null || stamp.Length > 100 || stamp.Split('.') is not [var issued, var signature]) return null;
        if (!long.TryParse(issued, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) return null;
        byte[] given;
        try
        {
            given = Base64Url.DecodeFromChars(signature);
        }
        catch (FormatException)
        {
            return null;
        }
        if (!CryptographicOperations.FixedTimeEquals(given, Sign(issued))) return null;
        var age = clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(Math.Min(seconds, 253402300799));
        return age < TimeSpan.Zero || age > MaxAge ? null : age;
    }

    private byte[] Sign(string issued) => HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(issued));
}
