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
        if (string.IsNullOrEmpty(signature) || form is null || !new RequestValidator(settings.TwilioAuthToken).Validate(url, form, signature))
        {
            http.RequestServices.GetRequiredService<ILogger<ValidateTwilioSignatureAttribute>>()
                .LogWarning("Refused Twilio webhook with {Problem} signature for {Path} from {Ip}",
                    string.IsNullOrEmpty(signature) ? "a missing" : form is null ? "an uncheckable (unreadable form)" : "an invalid", http.Request.Path, http.Connection.RemoteIpAddress);
            context.Result = new ObjectResult(new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Invalid Twilio signature",
                Detail = "This endpoint only accepts requests signed by Twilio with the hotline's auth token.",
            }) { StatusCode = StatusCodes.Status403Forbidden };
            return;
        }
        // Per-caller flood limit, after the signature check so a forger cannot lock a real caller out.
        var from = form.TryGetValue("From", out var f) ? f : null;
        if (!string.IsNullOrEmpty(from))
        {
            var key = http.RequestServices.GetRequiredService<CallerHasher>().Hash(from);
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
}
