using System.ComponentModel.DataAnnotations;

namespace Hotline.Web.Referrals;

public sealed class DeclineRequest
{
    // Control characters (NUL above all: PostgreSQL text cannot hold it) are refused with a 400, not stored.
    [Required, StringLength(1000, MinimumLength = 1)]
    [RegularExpression(
        @"^[^\x00-\x08\x0B\x0C\x0E-\x1F\x7F]*$", ErrorMessage = "The reason must be plain text, without control characters.")]
    public string? Reason { get; init; }
}
