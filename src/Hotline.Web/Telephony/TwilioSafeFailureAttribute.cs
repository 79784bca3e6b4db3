using Hotline.Core.Flows;
using Microsoft.AspNetCore.Mvc.Filters;
using Twilio.TwiML;

namespace Hotline.Web.Telephony;

/// <summary>
/// Any unexpected error in a voice or SMS webhook becomes TwiML that keeps the caller safe (the emergency
/// number, then a person on the backup line) instead of an empty 500 that Twilio would read as silence.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class TwilioSafeFailureAttribute : Attribute, IExceptionFilter
{
    public void OnException(ExceptionContext context)
    {
        var services = context.HttpContext.RequestServices;
        services.GetRequiredService<ILogger<TwilioSafeFailureAttribute>>()
            .LogError(
                context.Exception, "Webhook {Path} failed; the caller was given the emergency number and the backup line",
                context.HttpContext.Request.Path);
        var flow = services.GetRequiredService<Flow>();
        var isSms = context.HttpContext.Request.Path.StartsWithSegments("/twilio/sms");
        TwiML twiml = isSms
            ? new MessagingResponse().Message(flow.Message(MessageKeys.TechnicalProblem, flow.DefaultLanguage))
            : VoiceTwiml.TechnicalProblem(flow);
        context.Result = TwilioController.Twiml(twiml);
        context.ExceptionHandled = true;
    }
}
