using System.Text;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Hotline.Web.Referrals.Hsds;

/// <summary>
/// Checks a file against hsds-3.0-subset.schema.json (our own schema of the HSDS 3.0 fields we use, embedded in the
/// assembly) with JsonSchema.Net, and returns every error with the JSONPath of the value it is about.
/// </summary>
public static class HsdsSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(Load);

    public static string Text()
    {
        using var stream = typeof(HsdsSchema).Assembly.GetManifestResourceStream("Hotline.Hsds.Schema")
            ?? throw new InvalidOperationException("The HSDS schema is not embedded in the assembly");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    public static IReadOnlyList<HsdsError> Validate(JsonNode? root)
    {
        var options = new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true };
        var results = Schema.Value.Evaluate(root, options);
        if (results.IsValid) return [];
        var errors = new List<HsdsError>();
        foreach (var detail in (results.Details ?? []).Prepend(results))
        {
            foreach (var (_, message) in detail.Errors ?? new Dictionary<string, string>())
            {
                errors.Add(new HsdsError(PathOf(detail.InstanceLocation.ToString()), message));
            }
        }
        // A $ref reports the same failure at each level it passes through.
        return [.. errors.Distinct()];
    }

    /// <summary>A JSON Pointer ("/organizations/0/name") as JSONPath ("$.organizations[0].name").</summary>
    public static string PathOf(string pointer)
    {
        var path = new StringBuilder("$");
        foreach (var raw in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var token = raw.Replace("~1", "/").Replace("~0", "~");
            if (token.All(char.IsAsciiDigit)) path.Append('[').Append(token).Append(']');
            else if (token.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')) path.Append('.').Append(token);
            else path.Append("['").Append(token.Replace("'", "\\'")).Append("']");
        }
        return path.ToString();
    }

    private static JsonSchema Load() => JsonSchema.FromText(Text());
}
