using System.Text.RegularExpressions;

namespace Hotline.Core.Referrals;

/// <summary>One way to notify an agency: an SMS number (E.164), an https webhook URL, or an e-mail address.</summary>
public sealed partial record AgencyChannelSpec(NotificationChannel Channel, string Address)
{
    /// <summary>
    /// Why <paramref name="address"/> cannot be used for <paramref name="channel"/>, or null when it can. The one rule
    /// for channel addresses, whether they come from the directory file or the agency form.
    /// </summary>
    public static string? AddressProblem(NotificationChannel channel, string address) => channel switch
    {
        NotificationChannel.Sms => E164().IsMatch(address) ? null :
            $"sms address must be an E.164 number such as +15125550100, got '{address}'",
        // Plain http would expose case references in transit.
        NotificationChannel.Webhook => Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps ? null :
            $"webhook address must be an absolute https URL, got '{address}'",
        NotificationChannel.Email => Email().IsMatch(address) ? null :
            $"email address is not valid: '{address}'",
        _ => $"unknown notification channel '{channel}'",
    };

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex E164();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();
}
