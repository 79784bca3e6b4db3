using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Hotline.Web.Operators;

public static class TwoFactorRegistration
{
    /// <summary>Staff two-factor sign-in (authenticator app, recovery codes); see README "Two-factor sign-in".</summary>
    public static IServiceCollection AddStaffTwoFactor(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(TwoFactorRules.From(config));
        // Codes are good once (TwoFactorCodeOnce); registered under its own name so the order of AddIdentity does not matter.
        services.AddTransient<TwoFactorCodeOnce>();
        services.Configure<IdentityOptions>(o =>
        {
            o.Tokens.ProviderMap[TwoFactorCodeOnce.Name] = new TokenProviderDescriptor(typeof(TwoFactorCodeOnce));
            o.Tokens.AuthenticatorTokenProvider = TwoFactorCodeOnce.Name;
        });
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            // Each session is checked against its user's security stamp every 5 minutes (default 30, which the 30-minute
            // sliding cookie never reaches): a two-factor reset or a new password ends the user's other sessions soon.
            o.ValidationInterval = TimeSpan.FromMinutes(5);
            // That check rebuilds the principal and drops "amr"; without it a supervisor who signed in with a code
            // would be sent to enrolment mid-shift.
            o.OnRefreshingPrincipal = KeepSignInMethod;
        });
        // Between the password and the code: our name, never sent cross-site or read by script (five minutes by default).
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.Name = "hotline.2fa";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        return services;
    }

    /// <summary>After UseAuthorization: sends a Supervisor or Admin without a second factor to enrolment.</summary>
    public static IApplicationBuilder UseStaffTwoFactor(this IApplicationBuilder app) => app.UseMiddleware<TwoFactorGate>();

    private static Task KeepSignInMethod(SecurityStampRefreshingPrincipalContext context)
    {
        var method = context.CurrentPrincipal?.FindFirst(TwoFactorRules.MethodClaim);
        if (method is not null && context.NewPrincipal?.Identity is ClaimsIdentity identity
            && !identity.HasClaim(method.Type, method.Value))
        {
            identity.AddClaim(new Claim(method.Type, method.Value));
        }
        return Task.CompletedTask;
    }
}
