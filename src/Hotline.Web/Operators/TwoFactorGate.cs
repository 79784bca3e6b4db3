using Microsoft.AspNetCore.Authorization;

namespace Hotline.Web.Operators;

/// <summary>Marks the few signed-in pages a user who must enrol still reaches: the enrolment itself and signing out.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AllowWithoutTwoFactorAttribute : Attribute;

/// <summary>
/// After authorization: a signed-in Supervisor or Admin (or Operator, when configured) whose session was not opened
/// with a second factor is sent to enrolment before any other page, hub or dashboard. Anonymous endpoints (sign-in,
/// public pages, webhooks, health) are never held up. The role and the "amr" claim are in the cookie: no database trip.
/// </summary>
public sealed class TwoFactorGate(RequestDelegate next, TwoFactorRules rules)
{
    public const string EnrolPath = "/account/two-factor/enrol";

    public Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        var user = context.User;
        if (endpoint is null
            || user.Identity?.IsAuthenticated != true
            || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null
            || endpoint.Metadata.GetMetadata<AllowWithoutTwoFactorAttribute>() is not null
            || TwoFactorRules.UsedSecondFactor(user)
            || !rules.IsRequiredFor(user))
        {
            return next(context);
        }
        context.Response.Redirect(EnrolPath);
        return Task.CompletedTask;
    }
}
