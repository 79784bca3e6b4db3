using Hotline.Web.Infrastructure;

namespace Hotline.Web.Telephony.LiveCalls;

/// <summary>
/// Absolute webhook URLs for live calls. TwiML sent inline with a REST call and the Participants API have no page
/// to resolve a relative URL against, so these are built on Hotline:PublicBaseUrl (what signatures are checked on).
/// </summary>
public sealed class LiveCallUrls(HotlineSettings settings)
{
    private string Root => settings.PublicBaseUrl?.ToString().TrimEnd('/') ?? PublicLinkCheck.LocalBaseUrl;

    public Uri Conference(Guid contactId) => new($"{Root}{VoiceRoutes.Conference}?contact={contactId:D}");
    public Uri Participant(Guid legId) => new($"{Root}{VoiceRoutes.Participant}?leg={legId:D}");
    public Uri Hold(string language) => new($"{Root}{VoiceRoutes.ConferenceHold}?lang={Uri.EscapeDataString(language)}");
    public Uri QueueResult => new(Root + VoiceRoutes.QueueResult);
    public Uri QueueWait(string language) => new(Root + VoiceRoutes.QueueWaitFor(language));
}
