using PhoneNumbers;

namespace Hotline.Web.Operators;

/// <summary>
/// The phone a taken call rings: an E.164 number that libphonenumber calls valid. "555-0100" has no country,
/// so Twilio could not dial it and the caller would hear nothing.
/// </summary>
public static class OperatorPhoneNumber
{
    public const string Rule =
        "Write the operator phone in international form with its country code, e.g. +44 20 7946 0321 or +1 312 555 0123.";

    private static readonly PhoneNumberUtil Numbers = PhoneNumberUtil.GetInstance();

    /// <summary>The number in E.164 ("+13125550123"), or null when it is not a valid international number.</summary>
    public static string? Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var raw = text.Trim();
        if (!raw.StartsWith('+') || raw.Length > 40) return null;
        try
        {
            var number = Numbers.Parse(raw, null);
            return Numbers.IsValidNumber(number) ? Numbers.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
