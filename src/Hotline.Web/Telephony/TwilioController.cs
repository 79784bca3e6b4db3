using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Twilio.TwiML;

namespace Hotline.Web.Telephony;

/// <summary>Base for Twilio webhooks: signed by Twilio rather than signed in, no anti-forgery, safe on failure.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ValidateTwilioSignature]
[TwilioSafeFailure]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Infrastructure.RateLimits.Webhooks)]
public abstract class TwilioController : Controller
{
    /// <summary>The posted form, or an empty one when the body is not a form (JSON, XML, none): never an exception.</summary>
    protected IFormCollection Form => Request.HasFormContentType ? Request.Form : FormCollection.Empty;

    /// <summary>
    /// The one way a Twilio answer is rendered (application/xml, 200), also used by the safe-failure filter and
    /// the fallback controller. Form fields are read through <see cref="FormValues"/>.
    /// </summary>
    internal static ContentResult Twiml(TwiML response) =>
        new() { Content = response.ToString(), ContentType = "application/xml", StatusCode = StatusCodes.Status200OK };
}
