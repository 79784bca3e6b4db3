using Hotline.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Twilio.Security;

namespace Hotline.Web.Telephony;

/// <summary>
/// Refuses any webhook whose X-Twilio-Signature does not match (403, nothing written). The URL is rebuilt
/// the way Twilio saw it: the configured public base URL when behind a proxy, else the request's own.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class ValidateTwilioSignatureAttribute : Attribute, IAsyncResourceFilter
{
    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var http = context.HttpContext;
        var settings = http.RequestServices.GetRequiredService<HotlineSettings>();
        var signature = http.Request.Headers["X-Twilio-Signature"].ToString();
        var url = TwilioUrl.AsTwilioSawIt(http.Request, settings.PublicBaseUrl);
        Dictionary<string, string>? form = [];
        try
        {
            if (http.Request.HasFormContentType)
                form = (await http.Request.ReadFormAsync(http.RequestAborted)).ToDictionary(f => f.Key, f => f.Value.ToString());
        }
        catch (InvalidDataException)
        {
            // Over the form limits, NUL bytes, a multipart body without a boundary: Twilio never sends these,
            // and a form that cannot be read cannot have its signature checked.
            form = null;
        }
        if (string.IsNullOrEmpty(signature) || form is null
            || !new RequestValidator(settings.TwilioAuthToken).Validate(url, form, signature))
        {
            var log = http.RequestServices.GetRequiredService<ILogger<ValidateTwilioSignatureAttribute>>();
            if (string.IsNullOrEmpty(signature) || form is null)
            {
                // Twilio always signs, and always sends a readable form: this is not Twilio, so no alarm.
                log.LogWarning("Refused Twilio webhook with {Problem} signature for {Path} from {Ip}",
                    string.IsNullOrEmpty(signature) ? "a missing" : "an uncheckable (unreadable form)", http.Request.Path,
                        http.Connection.RemoteIpAddress);
            }
            else
            {
                // A signed request that does not verify is what a rotated auth token or a wrong PublicBaseUrl
                // looks like: every real caller is being refused. Loud, counted, and never with caller data.
                var counts = http.RequestServices.GetRequiredService<TwilioRefusals>().Record();
                log.LogError(
                    "Refused a Twilio webhook for {Path}: its X-Twilio-Signature does not verify ({Recent} refused in the last {Minutes} " +
                    "minutes, {Total} since start). If these are Twilio's requests, check Twilio:AuthToken and Hotline:PublicBaseUrl " +
                    "against the Twilio console",
                    http.Request.Path, counts.Recent, (int)TwilioRefusals.RecentWindow.TotalMinutes, counts.Total);
            }
            context.Result = new ObjectResult(new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Invalid Twilio signature",
                Detail = "This endpoint only accepts requests signed by Twilio with the hotline's auth token.",
            }) { StatusCode = StatusCodes.Status403Forbidden };
            return;
        }
        // Per-caller flood limit, after the signature check so a forger cannot lock a real caller out. A caller
        // with no usable number (withheld) is limited per call or message instead: the placeholder Twilio sends
        // is shared by every withheld caller, and one bucket for all of them would let one lock the others out.
        // A report on a message we sent comes From the hotline's own number: keyed by the caller, every report would
        // share one bucket and a busy hour of replies would be refused. Each report is limited per message instead.
        // Live-call callbacks are about the hotline's own legs (From is the hotline's number on every dialled leg):
        // limited per call leg, like message reports, so one busy conference never throttles another.
        var key = http.Request.Path.StartsWithSegments(Conversations.MessageRoutes.Status)
            ? SidKey(form, "MessageSid")
            : IsLiveCallCallback(http.Request.Path) ? SidKey(form, "CallSid") ?? SidKey(form, "ConferenceSid")
            : CallerKey(form, http.RequestServices.GetRequiredService<CallerHasher>());
        if (key is not null)
        {
            if (!http.RequestServices.GetRequiredService<CallerRateLimiter>().TryAcquire(key))
            {
                http.Response.Headers.RetryAfter = "60";
                context.Result = new ObjectResult(new ProblemDetails
                {
                    Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests from this caller",
                    Detail = "This number sent more webhooks in a minute than any real call or conversation does.",
                }) { StatusCode = StatusCodes.Status429TooManyRequests };
                return;
            }
        }
        await next();
    }

    /// <summary>The per-caller limit's key: the caller's number hash, else the CallSid or MessageSid, else none.</summary>
    internal static string? CallerKey(IReadOnlyDictionary<string, string> form, CallerHasher hasher)
    {
        if (form.TryGetValue("From", out var from) && hasher.Hash(from) is { } hash) return hash;
        return SidKey(form, "CallSid") ?? SidKey(form, "MessageSid");
    }

    private static bool IsLiveCallCallback(PathString path) =>
        path.StartsWithSegments(VoiceRoutes.Conference) || path.StartsWithSegments(VoiceRoutes.Participant);

    private static string? SidKey(IReadOnlyDictionary<string, string> form, string sid) =>
        form.TryGetValue(sid, out var value) && value.Length is > 0 and <= 64 ? sid + ":" + value : null;
}
