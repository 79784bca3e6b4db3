namespace Hotline.Core.Pathway;

/// <summary>How much of a case an agency may see. Chosen by the pathway rule, never by the operator alone.</summary>
public enum DataLevel
{
    /// <summary>Everything the caller agreed to share, including identity and contact details.</summary>
    Full,
    /// <summary>Situation only (venue, jurisdiction, category); no victim identity.</summary>
    Minimal,
    /// <summary>No identifying data at all: a notification that something is happening somewhere.</summary>
    Anonymous,
}
