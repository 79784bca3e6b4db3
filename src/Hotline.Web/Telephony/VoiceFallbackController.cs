using Hotline.Core.Flows;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Hotline.Web.Telephony;

/// <summary>
/// Twilio's fallback URL: what Twilio calls when the primary webhook failed, timed out or refused the call
/// (a rotated auth token, a wrong PublicBaseUrl, a tripped rate limit). It must answer whatever went wrong,
/// so on purpose it is not a <see cref="TwilioController"/>: no signature check, no rate limit, no
/// anti-forgery, no database, and it never reads the body. It writes nothing and says only what is public
/// anyway: the emergency number, then a dial to the backup line (see the threat model in README).
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[DisableRateLimiting]
public sealed class VoiceFallbackController(Flow flow) : Controller
{
    [AcceptVerbs("POST", "GET", Route = VoiceRoutes.Fallback)]
    public ContentResult Answer() => TwilioController.Twiml(VoiceTwiml.TechnicalProblem(flow));
}
