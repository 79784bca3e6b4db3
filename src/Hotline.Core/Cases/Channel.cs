namespace Hotline.Core.Cases;

/// <summary>How a contact reached the hotline. Stored as text: append new members, never reorder.</summary>
public enum Channel
{
    Voice,
    Sms,
    Console,
    WhatsApp,
    Chat,
    /// <summary>The public web tip form (/tip): one report, no conversation.</summary>
    Web,
}
