using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hotline.Web.Referrals.Hsds;

/// <summary>The wire format: HSDS names fields in snake_case; absent values are left out rather than written as null.</summary>
public static class HsdsJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };
}
