namespace Hotline.Core.Cases;

/// <summary>How a contact reached the hotline.</summary>
public enum Channel
{
    Voice,
    Sms,
    Console,
    WhatsApp,
    Chat,
}
