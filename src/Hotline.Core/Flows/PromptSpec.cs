namespace Hotline.Core.Flows;

public sealed record PromptSpec(
    string NodeId, string Text, InputMode Mode, int NumDigits, int TimeoutSeconds, IReadOnlyList<MenuOption> Options);
