using System.Buffers.Text;
using System.Security.Cryptography;

namespace Hotline.Web.Public.Chat;

/// <summary>
/// A web chat visitor's session: 256 random bits, base64url, made here and kept only in the visitor's tab
/// (sessionStorage). The server never stores it: the conversation is keyed by its HMAC
/// (<see cref="Infrastructure.CallerHasher.HashChatSession"/>), so a database reader cannot join a chat.
/// <para>It travels in the <see cref="Header"/> header on every call, never in a cookie: a header cannot be set by
/// another site's form or image (and a cross-origin fetch with a custom header needs a CORS preflight we never
/// grant), so the header itself is the CSRF defence and /chat needs no anti-forgery cookie at all.</para>
/// </summary>
public static class ChatSession
{
    public const string Header = "X-Chat-Session";
    private const int Bytes = 32;
    /// <summary>32 bytes in base64url without padding.</summary>
    private const int Length = 43;

    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(Bytes));

    /// <summary>The well-formed token of the request, or null (missing, wrong length, not base64url).</summary>
    public static string? From(HttpRequest request) => Valid(request.Headers[Header].ToString());

    public static string? Valid(string? token) =>
        token is { Length: Length } && Base64Url.IsValid(token, out var decoded) && decoded == Bytes ? token : null;
}
