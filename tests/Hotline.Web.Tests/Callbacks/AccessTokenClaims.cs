using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Hotline.Web.Tests.Callbacks;

/// <summary>A Twilio access token read the way Twilio reads it: HS256 over header.payload with the API key's secret.</summary>
public static class AccessTokenClaims
{
    public static JsonElement Read(string jwt, string secret)
    {
        var parts = jwt.Split('.');
        Assert.Equal(3, parts.Length);
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        Assert.Equal(Convert.ToBase64String(expected).TrimEnd('=').Replace('+', '-').Replace('/', '_'), parts[2]);
        var header = JsonDocument.Parse(Decode(parts[0])).RootElement;
        Assert.Equal("HS256", header.GetProperty("alg").GetString());
        return JsonDocument.Parse(Decode(parts[1])).RootElement;
    }

    private static byte[] Decode(string part)
    {
        var text = part.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(text.PadRight(text.Length + (4 - text.Length % 4) % 4, '='));
    }
}
