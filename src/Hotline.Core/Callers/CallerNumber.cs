using PhoneNumbers;

namespace Hotline.Core.Callers;

/// <summary>
/// Whether the number Twilio gives as the caller's (From) is one we can use: to link repeat callers, to key
/// the per-caller flood limit and to call back. A withheld number arrives as a placeholder shared by every
/// withheld caller, so treating it as a number would link strangers' cases and promise callbacks nobody can
/// make. The one rule for "is this somebody's number", used everywhere through <see cref="Usable"/>.
/// </summary>
public static class CallerNumber
{
    // What Twilio (and carriers through it) send when the caller ID is withheld or unavailable: the
    // "numbers" spell ANONYMOUS, RESTRICTED, BLOCKED and UNAVAILABLE on a keypad.
    private static readonly HashSet<string> WithheldPlaceholders = new(StringComparer.Ordinal)
    {
        "+266696687", "+7378742833", "+2562533", "+8656696", "+86282452253",
    };

    private static readonly HashSet<string> WithheldWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "anonymous", "restricted", "unknown", "private", "unavailable", "blocked", "withheld",
    };

    private static readonly PhoneNumberUtil Numbers = PhoneNumberUtil.GetInstance();

    /// <summary>
    /// The caller's number in E.164 ("+15557654321"), or null when it is withheld, a placeholder, empty, or
    /// anything that is not a plausible international number.
    /// </summary>
    public static string? Usable(string? from)
    {
        if (string.IsNullOrWhiteSpace(from)) return null;
        var raw = from.Trim();
        if (WithheldWords.Contains(raw)) return null;
        var compact = Compact(raw);
        // E.164 only: Twilio always sends a leading '+'; without it we cannot tell which country is meant.
        if (compact is null || compact.Length < 4 || compact[0] != '+' || WithheldPlaceholders.Contains(compact)) return null;
        try
        {
            var number = Numbers.Parse(compact, null);
            if (Numbers.IsPossibleNumberWithReason(number) != PhoneNumberUtil.ValidationResult.IS_POSSIBLE) return null;
            var e164 = Numbers.Format(number, PhoneNumberFormat.E164);
            return WithheldPlaceholders.Contains(e164) ? null : e164;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>True when <paramref name="from"/> is no usable number (withheld, placeholder, not a number).</summary>
    public static bool IsWithheld(string? from) => Usable(from) is null;

    /// <summary>Digits with one leading '+', dropping only the separators people write; null if anything else is in it.</summary>
    private static string? Compact(string raw)
    {
        var chars = new List<char>(raw.Length);
        foreach (var ch in raw)
        {
            if (char.IsAsciiDigit(ch)) chars.Add(ch);
            else if (ch == '+' && chars.Count == 0) chars.Add(ch);
            else if (ch is not (' ' or '-' or '(' or ')' or '.')) return null;
        }
        return new string([.. chars]);
    }
}
