using PhoneNumbers;

namespace Hotline.Core.Callers;

/// <summary>
/// Whether the hotline may dial a number an advocate typed (a warm transfer or conferencing someone in). Only
/// a valid E.164 number of an ordinary kind: premium-rate and shared-cost lines bill the hotline, and short
/// codes are not reachable through a conference at all. Emergency services are added from the agency directory.
/// </summary>
public static class DialableNumber
{
    private static readonly PhoneNumberUtil Numbers = PhoneNumberUtil.GetInstance();

    private static readonly HashSet<PhoneNumberType> Refused =
        [PhoneNumberType.PREMIUM_RATE, PhoneNumberType.SHARED_COST, PhoneNumberType.UAN, PhoneNumberType.PAGER];

    /// <summary>The number in E.164, or null with the reason in words fit for the advocate.</summary>
    public static (string? Number, string? Problem) Check(string? typed)
    {
        var raw = typed?.Trim() ?? "";
        if (raw.Length == 0) return (null, "Type the number to call, starting with + and the country code.");
        var compact = new string(raw.Where(ch => ch is not (' ' or '-' or '(' or ')' or '.')).ToArray());
        if (compact.Length is > 0 and <= 8 && compact.All(char.IsAsciiDigit))
            return (null, "That looks like a short code; only full international numbers (+ and country code) can be called.");
        if (compact.Length < 2 || compact[0] != '+' || !compact[1..].All(char.IsAsciiDigit))
            return (null, "Type the number in international form: + then the country code and number (for example +15551234567).");
        PhoneNumber number;
        try
        {
            number = Numbers.Parse(compact, null);
        }
        catch (NumberParseException)
        {
            return (null, "That is not a valid international number.");
        }
        if (!Numbers.IsValidNumber(number)) return (null, "That is not a valid international number.");
        if (Refused.Contains(Numbers.GetNumberType(number)))
            return (null, "That is a premium-rate or shared-cost number; the hotline does not call those.");
        return (Numbers.Format(number, PhoneNumberFormat.E164), null);
    }

    /// <summary>How the console names a typed number without showing all of it.</summary>
    public static string Ending(string e164) => "number ending " + (e164.Length > 4 ? e164[^4..] : e164);
}
