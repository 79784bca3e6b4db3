using Hangfire;
using Hotline.Web.Operators;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Hotline.Web.Observability;

/// <summary>
/// OpenTelemetry (README "Observability"). Metrics always (the Meter "Hotline", ASP.NET Core, HttpClient), scraped at
/// /metrics. Traces (ASP.NET Core, HttpClient, Npgsql, Hangfire jobs) are only collected when they go somewhere: when
/// OTEL_EXPORTER_OTLP_ENDPOINT is set (then everything is also exported over OTLP), or Observability:Tracing is true.
/// Unexported spans would only cost the voice webhooks time.
/// </summary>
public static class ObservabilityRegistration
{
    public static void AddHotlineObservability(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var otlp = !string.IsNullOrWhiteSpace(config["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var tracing = otlp || config.GetValue<bool>("Observability:Tracing");
        builder.Services.AddSingleton<HotlineGauges>();
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(config["OTEL_SERVICE_NAME"] ?? "HotlineService"))
            .WithMetrics(m => m
                .AddMeter(HotlineTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddPrometheusExporter());
        if (tracing)
        {
            telemetry.WithTracing(t => t
                .AddSource(HotlineTelemetry.Name)
                .AddAspNetCoreInstrumentation(o =>
                {
                    o.RecordException = false; // exception messages can quote what a caller typed
                    o.EnrichWithHttpResponse = (activity, response) => SpanRedaction.Redact(activity, response.HttpContext);
                })
                .AddHttpClientInstrumentation(o => o.RecordException = false)
                // db.statement carries the SQL text; Npgsql never records parameter values (the caller's number is one).
                .AddNpgsql());
            lock (GlobalJobFilters.Filters)
            {
                if (!GlobalJobFilters.Filters.Any(f => f.Instance is JobTracingFilter))
                    GlobalJobFilters.Filters.Add(new JobTracingFilter());
            }
        }
        if (otlp) telemetry.UseOtlpExporter();
    }

    /// <summary>
    /// /metrics for Prometheus: Admin-only (a signed-in Admin's cookie), unless Observability:MetricsPort names a management
    /// port the service also listens on (add it to --urls / ASPNETCORE_URLS, and keep it off the public network): then
    /// /metrics answers there without sign-in, and only there.
    /// </summary>
    public static void MapHotlineObservability(this WebApplication app)
    {
        _ = app.Services.GetRequiredService<HotlineGauges>(); // creates the gauges
        var endpoint = app.MapPrometheusScrapingEndpoint("/metrics");
        if (app.Configuration.GetValue<int?>("Observability:MetricsPort") is { } port)
            endpoint.RequireHost($"*:{port}").AllowAnonymous();
        else
            endpoint.RequireAuthorization(Policies.Admin);
    }
}
