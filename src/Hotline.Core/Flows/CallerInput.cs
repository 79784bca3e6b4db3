namespace Hotline.Core.Flows;

/// <summary>One caller turn: keypad digits and/or text (a speech result or an SMS body).</summary>
public sealed record CallerInput(string? Digits, string? Text)
{
    public static CallerInput Silence { get; } = new(null, null);

    public bool IsSilence => string.IsNullOrWhiteSpace(Digits) && string.IsNullOrWhiteSpace(Text);
}
