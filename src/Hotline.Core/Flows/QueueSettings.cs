namespace Hotline.Core.Flows;

/// <param name="TimeoutMinutes">
/// How long a caller can be in the queue before the hotline stops counting them as waiting when it cannot learn
/// otherwise (Twilio's final status lost and Twilio unreachable): the queue reconciliation then closes the call.
/// </param>
public sealed record QueueSettings(
    string Name, int OfferCallbackAfterSeconds, int MaxQueueSize, int TimeoutMinutes = QueueSettings.DefaultTimeoutMinutes)
{
    public const int DefaultTimeoutMinutes = 30;
}
