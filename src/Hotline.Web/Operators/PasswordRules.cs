using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Hotline.Web.Operators;

/// <summary>The password rules Identity enforces, said in words (one place, so the page and the rules never differ).</summary>
public sealed class PasswordRules(IOptions<IdentityOptions> options)
{
    public string Words
    {
        get
        {
            var p = options.Value.Password;
            var kinds = new List<string>();
            if (p.RequireUppercase) kinds.Add("a capital letter");
            if (p.RequireLowercase) kinds.Add("a small letter");
            if (p.RequireDigit) kinds.Add("a digit");
            if (p.RequireNonAlphanumeric) kinds.Add("a symbol such as ! or #");
            var with = kinds.Count switch
            {
                0 => "",
                1 => " with " + kinds[0],
                _ => " with " + string.Join(", ", kinds[..^1]) + " and " + kinds[^1],
            };
            return $"At least {p.RequiredLength} characters{with}.";
        }
    }
}
