namespace Hotline.Core.Flows;

/// <summary>One menu choice with its label in the current language, for SMS numbered menus ("1 - Yes").</summary>
public sealed record MenuOption(string Key, string Label);
