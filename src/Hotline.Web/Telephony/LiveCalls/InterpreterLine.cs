using Hotline.Core.Hours;

namespace Hotline.Web.Telephony.LiveCalls;

/// <summary>A telephone interpreting service's line for one language (appsettings Hotline:Interpreters).</summary>
public sealed record InterpreterLine(string Language, string Name, string Number, string? AccessCode, WeeklyHours? Hours)
{
    /// <summary>Open now (no hours configured means always).</summary>
    public bool IsOpen(DateTimeOffset now) => Hours?.IsOpen(now) ?? true;

    /// <summary>How the console names this line: the service's name and the language, never the number.</summary>
    public string Label => $"{Name} ({Language})";
}
