namespace Hotline.Core.Flows;

/// <summary>What to say to the caller: messages in order, then either a prompt (wait for input) or a terminal action.</summary>
public sealed record IntakeReply(string Language, IReadOnlyList<string> Messages, PromptSpec? Prompt, TerminalAction? Terminal);
