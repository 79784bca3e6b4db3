using System.ComponentModel.DataAnnotations;

namespace Hotline.Web.Referrals;

public sealed class DeclineRequest
{
    [Required, StringLength(1000, MinimumLength = 1)]
    public string? Reason { get; init; }
}
