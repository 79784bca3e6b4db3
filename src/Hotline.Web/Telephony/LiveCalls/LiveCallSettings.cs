using Hotline.Core.Callers;
using Hotline.Core.Hours;
using Hotline.Web.Infrastructure;

namespace Hotline.Web.Telephony.LiveCalls;

/// <summary>
/// Live-call settings: interpreter lines per language (Hotline:Interpreters) and the music a held or waiting caller
/// hears (Hotline:HoldMusicUrl). Checked at start-up: a bad interpreter line is found before a caller needs it.
/// </summary>
public sealed record LiveCallSettings(IReadOnlyList<InterpreterLine> Interpreters, Uri HoldMusic)
{
    /// <summary>Twilio's own public hold music, used when none is configured: a held caller never hears silence.</summary>
    public static readonly Uri DefaultHoldMusic = new("http://com.twilio.sounds.music.s3.amazonaws.com/MARKOVICHAMP-Borghestral.mp3");

    /// <summary>The line for a language (the caller's IVR language), the open one first.</summary>
    public InterpreterLine? LineFor(string? language, DateTimeOffset now) =>
        Interpreters.Where(l => string.Equals(l.Language, language, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(l => l.IsOpen(now)).FirstOrDefault();

    public static LiveCallSettings From(IConfiguration config)
    {
        var errors = new List<string>();
        var lines = new List<InterpreterLine>();
        var i = 0;
        foreach (var section in config.GetSection("Hotline:Interpreters").GetChildren())
        {
            var key = $"Hotline:Interpreters:{i++}";
            var language = section["Language"]?.Trim() ?? "";
            var (number, problem) = DialableNumber.Check(section["Number"]);
            var code = section["AccessCode"] is { Length: > 0 } c ? c.Trim() : null;
            if (language.Length is 0 or > 10) errors.Add($"{key}:Language must be a language code such as es");
            if (problem is not null) errors.Add($"{key}:Number: {problem}");
            if (code is not null && (code.Length > 32 || code.Any(ch => !char.IsAsciiDigit(ch) && ch is not ('w' or 'W' or '#' or '*'))))
                errors.Add($"{key}:AccessCode may hold only digits, # * and w (a half-second wait), e.g. wwww1234#");
            WeeklyHours? hours = null;
            try
            {
                var zone = TimeZoneInfo.FindSystemTimeZoneById(section["TimeZone"] is { Length: > 0 } z ? z : "UTC");
                if (!HoursText.TryParse(section["Hours"], zone, out hours, out var error)) errors.Add($"{key}:Hours: {error}");
            }
            catch (TimeZoneNotFoundException)
            {
                errors.Add($"{key}:TimeZone is not a known time zone (e.g. America/New_York)");
            }
            var name = section["Name"] is { Length: > 0 } n ? n.Trim() : "Interpreter";
            if (number is not null) lines.Add(new InterpreterLine(language, name, number, code, hours));
        }
        Uri music = DefaultHoldMusic;
        if (config["Hotline:HoldMusicUrl"] is { Length: > 0 } url)
        {
            if (Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https") music = u;
            else errors.Add("Hotline:HoldMusicUrl must be an absolute http(s) URL of an audio file");
        }
        if (errors.Count > 0) throw new ConfigurationException("Configuration error: " + string.Join("; ", errors));
        return new LiveCallSettings(lines, music);
    }
}
