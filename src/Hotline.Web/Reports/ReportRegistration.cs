using Hotline.Web.Infrastructure;

namespace Hotline.Web.Reports;

public static class ReportRegistration
{
    /// <summary>The indicators report, its exports and the monthly e-mail.</summary>
    public static IServiceCollection AddHotlineReports(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(ReportSettings.From(config));
        services.AddScoped<IndicatorQueries>();
        services.AddScoped<ResearchExport>();
        services.AddScoped<MonthlyReportJob>();
        services.AddSingleton<IStartupSeeder, MonthlyReportSchedule>();
        return services;
    }
}
