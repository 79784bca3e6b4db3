namespace Hotline.Core.Flows;

public sealed record QueueSettings(string Name, int OfferCallbackAfterSeconds, int MaxQueueSize);
