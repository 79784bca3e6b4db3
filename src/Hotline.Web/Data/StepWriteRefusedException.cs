using Npgsql;

namespace Hotline.Web.Data;

/// <summary>
/// A webhook's step broke a unique constraint that no race explains (anything but the per-step turn row or a
/// repeated CallSid): a bug. It must reach the error log and give the caller the safe answer, not a re-prompt.
/// Names the constraint only; no caller data.
/// </summary>
public sealed class StepWriteRefusedException(string? constraint, PostgresException inner)
    : Exception(
        $"A webhook step broke unique constraint {constraint ?? "(unnamed)"}: not a race between two requests but a bug; nothing was " +
        $"written", inner)
{
    public string? Constraint { get; } = constraint;
}
