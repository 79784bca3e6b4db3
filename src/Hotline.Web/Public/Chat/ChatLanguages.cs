using System.Globalization;
using Hotline.Core.Flows;

namespace Hotline.Web.Public.Chat;

/// <summary>The flow's languages, each named in its own words (English, español), for the chat's first choice.</summary>
public static class ChatLanguages
{
    public static IReadOnlyList<ChatLanguage> Of(Flow flow) => [.. flow.Languages.Select(code => new ChatLanguage(code, NameOf(code)))];

    private static string NameOf(string code)
    {
        try
        {
            var name = CultureInfo.GetCultureInfo(code).NativeName;
            return name.Length == 0 ? code : char.ToUpper(name[0], CultureInfo.GetCultureInfo(code)) + name[1..];
        }
        catch (CultureNotFoundException)
        {
            return code;
        }
    }
}
