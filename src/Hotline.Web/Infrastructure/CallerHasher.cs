using System.Security.Cryptography;
using System.Text;

namespace Hotline.Web.Infrastructure;

/// <summary>
/// Keyed hash (HMAC-SHA256) of a phone number. Links repeat callers and SMS conversations without keeping
/// the number in clear; without the key, nobody can test a guessed number against the table.
/// </summary>
public sealed class CallerHasher(byte[] key)
{
    public string Hash(string? phoneNumber)
    {
        var normalised = Normalise(phoneNumber);
        if (normalised.Length == 0) return "";
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(normalised));
        return Convert.ToHexStringLower(mac);
    }

    /// <summary>Keys an SMS conversation by sender and hotline number together.</summary>
    public string HashConversation(string? from, string? to)
    {
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"sms|{Normalise(from)}|{Normalise(to)}"));
        return Convert.ToHexStringLower(mac);
    }

    /// <summary>Keeps digits and a leading plus, so "+1 (555) 010-0000" and "+15550100000" match.</summary>
    public static string Normalise(string? phoneNumber)
    {
        if (string.IsNullOrWhiteSpace(phoneNumber)) return "";
        var sb = new StringBuilder(phoneNumber.Length);
        foreach (var ch in phoneNumber.Trim())
        {
            if (char.IsAsciiDigit(ch) || (ch == '+' && sb.Length == 0)) sb.Append(ch);
        }
        return sb.ToString();
    }
}
