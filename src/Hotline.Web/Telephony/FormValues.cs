using System.Globalization;

namespace Hotline.Web.Telephony;

/// <summary>Reading Twilio's form fields defensively: bounded strings, numbers or null, never an exception.</summary>
internal static class FormValues
{
    public static int? IntOrNull(string? value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>Null when empty, else at most <paramref name="max"/> characters.</summary>
    public static string? Short(string? value, int max) =>
        string.IsNullOrEmpty(value) ? null : value.Length > max ? value[..max] : value;
}
