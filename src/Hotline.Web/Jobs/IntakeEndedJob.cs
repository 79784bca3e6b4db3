using Hangfire;

namespace Hotline.Web.Jobs;

/// <summary>Told when a caller's intake ends (queued, voicemail, goodbye or abandoned): the pathway takes over.</summary>
public interface IIntakeEndedHandler
{
    Task IntakeEndedAsync(Guid caseId, CancellationToken ct);
}

/// <summary>Runs every <see cref="IIntakeEndedHandler"/> for a case whose intake just ended. Handlers are idempotent.</summary>
public sealed class IntakeEndedJob(IEnumerable<IIntakeEndedHandler> handlers)
{
    [AutomaticRetry(Attempts = 10, DelaysInSeconds = [2, 5, 15, 30, 60, 120, 300, 600, 1200, 3600])]
    [Queue("critical")]
    public async Task RunAsync(Guid caseId, CancellationToken ct)
    {
        foreach (var handler in handlers) await handler.IntakeEndedAsync(caseId, ct);
    }
}
