namespace Hotline.Web.Telephony.LiveCalls;

/// <summary>
/// The Twilio conference a contact's live call happens in. Named from the contact's id only: the name shows in
/// Twilio's console and logs, so it never carries a number, a name or a case reference.
/// </summary>
public static class ConferenceRooms
{
    private const string Prefix = "hotline-";

    public static string NameFor(Guid contactId) => Prefix + contactId.ToString("N");

    /// <summary>The contact a conference's friendly name belongs to; null for a name that is not one of ours.</summary>
    public static Guid? ContactOf(string? friendlyName) =>
        friendlyName is { Length: 40 } && friendlyName.StartsWith(Prefix, StringComparison.Ordinal)
        && Guid.TryParseExact(friendlyName[Prefix.Length..], "N", out var id) ? id : null;
}
