namespace Hotline.Core.Pathway;

/// <summary>One problem in a data file, pointing at the line an editor should open.</summary>
public sealed record PathwayValidationError(string File, int Line, string Reason)
{
    public override string ToString() => $"{File}:{Line}: {Reason}";
}
