using System.Security.Cryptography;
using System.Text;
using Hotline.Core.Callers;

namespace Hotline.Web.Infrastructure;

/// <summary>
/// Keyed hash (HMAC-SHA256) of a phone number. Links repeat callers and SMS conversations without keeping
/// the number in clear; without the key, nobody can test a guessed number against the table.
/// </summary>
public sealed class CallerHasher(byte[] key)
{
    /// <summary>
    /// The hash of the caller's number, or null when there is no usable number (<see cref="CallerNumber.Usable"/>):
    /// a withheld number is nobody's number, so it must never become a key shared by every withheld caller.
    /// </summary>
    public string? Hash(string? phoneNumber) =>
        CallerNumber.Usable(phoneNumber) is { } number ? Mac(number) : null;

    /// <summary>Keys an SMS conversation by sender and hotline number together; null when the sender has no usable number.</summary>
    public string? HashConversation(string? from, string? to) =>
        CallerNumber.Usable(from) is { } sender ? Mac($"sms|{sender}|{CallerNumber.Usable(to) ?? to?.Trim() ?? ""}") : null;

    private string Mac(string value) => Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(value)));
}
