namespace Hotline.Core.Flows;

/// <summary>Thrown at load when a flow file has errors; the message lists every error, one per line.</summary>
public sealed class FlowValidationException(IReadOnlyList<FlowError> errors)
    : Exception(string.Join(Environment.NewLine, errors.Select(e => e.ToString())))
{
    public IReadOnlyList<FlowError> Errors { get; } = errors;
}
