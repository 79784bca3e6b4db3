namespace Hotline.Core.Pathway;

/// <summary>One step taken when an agency misses its acknowledgement deadline.</summary>
public enum EscalationRung
{
    /// <summary>The next agency of the same type, in directory (pathway) order.</summary>
    NextAgencySameType,
    /// <summary>The on-call supervisor: a human decides when the directory runs out.</summary>
    OnCallSupervisor,
}
