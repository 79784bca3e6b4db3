using System.Globalization;
using System.Text;

namespace Hotline.Core.Flows;

/// <summary>Case- and accent-insensitive matching of caller text (speech results, SMS bodies) against keywords.</summary>
internal static class TextMatching
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return "";
        var decomposed = text.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var raw in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(raw) == UnicodeCategory.NonSpacingMark)
                continue;
            // Letters that carry their accent inside the code point and do not decompose.
            var ch = raw switch { 'ł' => 'l', 'ø' => 'o', 'đ' => 'd', 'ı' => 'i', _ => raw };
            if (char.IsLetterOrDigit(ch))
            {
                if (pendingSpace && sb.Length > 0)
                    sb.Append(' ');
                pendingSpace = false;
                sb.Append(ch);
            }
            else
            {
                pendingSpace = true;
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// The longest candidate phrase found as whole words in the normalized text, or null. The candidates must be
    /// normalized already (<see cref="AskOption.Phrases"/>).
    /// </summary>
    public static string? LongestMatch(string normalizedText, IEnumerable<string> normalizedCandidates)
    {
        var padded = " " + normalizedText + " ";
        string? best = null;
        foreach (var c in normalizedCandidates)
        {
            if (c.Length > (best?.Length ?? 0) && padded.Contains(" " + c + " ", StringComparison.Ordinal))
                best = c;
        }
        return best;
    }

    /// <summary>Whether <paramref name="phrase"/> occurs as whole words inside <paramref name="longer"/>.</summary>
    public static bool IsPartOf(string phrase, string longer) =>
        phrase.Length < longer.Length && (" " + longer + " ").Contains(" " + phrase + " ", StringComparison.Ordinal);
}
