using Hangfire;
using Hotline.Web.Infrastructure;

namespace Hotline.Web.Reports;

/// <summary>Registers the monthly report's recurring job when it has recipients, and removes it when it has none.</summary>
public sealed class MonthlyReportSchedule(IRecurringJobManager recurring, ReportSettings settings) : IStartupSeeder
{
    public Task SeedAsync(CancellationToken ct)
    {
        if (settings.MonthlyRecipients.Count == 0) recurring.RemoveIfExists(MonthlyReportJob.Id);
        else recurring.AddOrUpdate<MonthlyReportJob>(MonthlyReportJob.Id, j => j.RunAsync(null), settings.MonthlyCron);
        return Task.CompletedTask;
    }
}
