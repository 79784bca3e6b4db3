using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Hotline.Web.Public;

/// <summary>
/// Reads a posted tip form ourselves, within tight limits, instead of through MVC's model binding: a huge body,
/// thousands of fields, broken UTF-8 or another content type must give the visitor the form back with a clear
/// message, never a 500. Invalid UTF-8 is decoded as replacement characters rather than refused.
/// </summary>
public static class TipPost
{
    /// <summary>
    /// Room for the longest report in any script (5,000 characters of up to 4 UTF-8 bytes, percent-encoded) and the
    /// rest of the form; anything bigger is not a person's report.
    /// </summary>
    public const int MaxBodyBytes = 96 * 1024;
    private const int MaxFields = 40;

    public sealed record Result(IFormCollection? Form, TipPostProblem? Problem);

    public static async Task<Result> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType || request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true)
            return new(null, TipPostProblem.NotAForm);
        if (request.ContentLength > MaxBodyBytes) return new(null, TipPostProblem.TooLarge);
        try
        {
            // Read at most one byte more than allowed: a body without a length (chunked) is bounded too.
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > MaxBodyBytes) return new(null, TipPostProblem.TooLarge);
                buffer.Write(chunk, 0, read);
            }
            buffer.Position = 0;
            using var reader = new FormReader(buffer)
            {
                ValueCountLimit = MaxFields, KeyLengthLimit = 64, ValueLengthLimit = MaxBodyBytes,
            };
            var fields = await reader.ReadFormAsync(ct);
            return new(new FormCollection(new Dictionary<string, StringValues>(fields, StringComparer.Ordinal)), null);
        }
        catch (InvalidDataException)
        {
            return new(null, TipPostProblem.TooLarge); // too many fields, or a field name too long
        }
        catch (BadHttpRequestException)
        {
            return new(null, TipPostProblem.TooLarge); // the server's own body limit, or a body cut short
        }
        catch (IOException)
        {
            return new(null, TipPostProblem.TooLarge);
        }
    }
}

public enum TipPostProblem
{
    NotAForm,
    TooLarge,
}
