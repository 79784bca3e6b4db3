namespace Hotline.Core.Cases;

/// <summary>How fast the hotline owes a response. Ordered: lower value = more urgent.</summary>
public enum Urgency
{
    Crisis = 0,
    High = 1,
    Normal = 2,
    Low = 3,
}
