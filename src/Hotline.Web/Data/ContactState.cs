namespace Hotline.Web.Data;

/// <summary>Where one call or text conversation stands.</summary>
public enum ContactState
{
    /// <summary>The caller is answering the IVR or SMS questions.</summary>
    Intake,
    /// <summary>Waiting in the operator queue.</summary>
    Queued,
    /// <summary>Connected to an operator.</summary>
    WithOperator,
    /// <summary>Recording (or recorded) a voicemail.</summary>
    Voicemail,
    /// <summary>Ended normally (operator call finished, voicemail left, safe goodbye).</summary>
    Completed,
    /// <summary>The caller hung up before reaching a person.</summary>
    Abandoned,
    /// <summary>An SMS conversation that went quiet for too long.</summary>
    Expired,
}
