using System.Security.Claims;
using System.Text;
using Hotline.Web.Data;

namespace Hotline.Web.Operators;

/// <summary>
/// Who must sign in with a second factor, and the small text rules of authenticator codes. Supervisors and admins
/// always: they see every case and manage accounts. Operators only when Hotline:TwoFactor:RequiredForOperators is true.
/// </summary>
public sealed class TwoFactorRules(bool requiredForOperators, string issuer = TwoFactorRules.DefaultIssuer)
{
    public const string DefaultIssuer = "Hotline";
    /// <summary>The claim SignInManager sets on a session: "mfa" after a second factor, "pwd" after a password alone.</summary>
    public const string MethodClaim = "amr";
    public const string SecondFactor = "mfa";
    public const int RecoveryCodeCount = 10;

    public bool RequiredForOperators { get; } = requiredForOperators;
    public string Issuer { get; } = issuer;

    public static TwoFactorRules From(IConfiguration config) => new(
        config.GetValue("Hotline:TwoFactor:RequiredForOperators", false),
        config["Hotline:TwoFactor:Issuer"] is { Length: > 0 } issuer ? issuer.Trim() : DefaultIssuer);

    public bool IsRequiredFor(IEnumerable<string> roles) =>
        roles.Any(r => r is Roles.Supervisor or Roles.Admin || (RequiredForOperators && r == Roles.Operator));

    public bool IsRequiredFor(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Admin) || (RequiredForOperators && user.IsInRole(Roles.Operator));

    /// <summary>True when this session was opened with a second factor (or right after enrolling one).</summary>
    public static bool UsedSecondFactor(ClaimsPrincipal user) => user.HasClaim(MethodClaim, SecondFactor);

    /// <summary>Authenticator codes are typed as "123 456" or "123-456".</summary>
    public static string Normalize(string? code) =>
        new((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());

    /// <summary>
    /// Recovery codes are stored as Identity prints them ("BCDFG-HJKMN", capitals) and compared exactly: accept them
    /// typed in lower case, with spaces, or without the dash.
    /// </summary>
    public static string NormalizeRecoveryCode(string? code)
    {
        var typed = new string((code ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
        return typed.Length == 10 && !typed.Contains('-') ? typed[..5] + "-" + typed[5..] : typed;
    }

    /// <summary>The key in groups of four, lower case, as people type it into an authenticator app.</summary>
    public static string Grouped(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0) text.Append(' ');
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }
        return text.ToString().ToLowerInvariant();
    }

    /// <summary>The Key URI Format authenticator apps read from the QR code.</summary>
    public string OtpAuthUri(string email, string key)
    {
        var label = Uri.EscapeDataString(Issuer) + ":" + Uri.EscapeDataString(email);
        return $"otpauth://totp/{label}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
    }
}
