namespace Hotline.Core.Flows;

public sealed record TerminalAction(TerminalKind Kind, string NodeId);
