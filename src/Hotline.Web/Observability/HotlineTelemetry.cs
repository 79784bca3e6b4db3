using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Hotline.Web.Observability;

/// <summary>
/// The service's own spans and metrics: one ActivitySource and one Meter, both named "Hotline". Tags carry routes,
/// job names and counts only: never a phone number, a name, a token or anything a caller said.
/// </summary>
public static class HotlineTelemetry
{
    public const string Name = "Hotline";

    public static readonly ActivitySource Source = new(Name);
    public static readonly Meter Meter = new(Name);

    /// <summary>How long each Twilio webhook step took to answer, by route template (Twilio gives up after 15 s).</summary>
    public static readonly Histogram<double> WebhookDuration = Meter.CreateHistogram<double>(
        "hotline.webhook.duration", unit: "s", description: "Time to answer a Twilio webhook, by route",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15] });
}
