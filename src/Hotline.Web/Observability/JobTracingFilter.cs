using System.Diagnostics;
using Hangfire.Server;

namespace Hotline.Web.Observability;

/// <summary>A span for each Hangfire job run: named after the job's type and method; its arguments are never recorded.</summary>
public sealed class JobTracingFilter : IServerFilter
{
    private const string ItemKey = "hotline.activity";

    public void OnPerforming(PerformingContext context)
    {
        var job = context.BackgroundJob.Job;
        var activity = HotlineTelemetry.Source.StartActivity($"job {job.Type.Name}.{job.Method.Name}", ActivityKind.Internal);
        if (activity is null) return;
        activity.SetTag("hangfire.job.type", job.Type.Name);
        activity.SetTag("hangfire.job.method", job.Method.Name);
        activity.SetTag("hangfire.job.id", context.BackgroundJob.Id);
        context.Items[ItemKey] = activity;
    }

    public void OnPerformed(PerformedContext context)
    {
        if (!context.Items.TryGetValue(ItemKey, out var item) || item is not Activity activity) return;
        if (context.Exception is { } e && !context.ExceptionHandled)
        {
            // The exception's type only: messages can quote data (an SMTP answer, a failed row).
            activity.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
        }
        activity.Dispose();
    }
}
