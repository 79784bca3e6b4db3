namespace Hotline.Core.Flows;

public sealed record RecordedAnswer(string NodeId, string Field, string Value);
